using System;
using System.Globalization;
using System.Linq;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Manifest;

namespace LicenceGuard.Core.Policy;

/// <summary>Puts the company's real figure beside a licence threshold, converting currencies only with declared rates.</summary>
internal static class ThresholdChecker
{
    public static ThresholdCheck Check(Threshold t, Organisation org, double margin)
    {
        decimal? figure;
        string? note = null;
        switch (t.Metric)
        {
            case "monthly-active-users":
                figure = org.MonthlyActiveUsers?.Value;
                break;
            case "annual-revenue":
                figure = Convert(org.AnnualRevenue, t.Currency, org, out note);
                break;
            case "monthly-revenue":
                if (org.MonthlyRevenue != null) figure = Convert(org.MonthlyRevenue, t.Currency, org, out note);
                else
                {
                    figure = Convert(org.AnnualRevenue, t.Currency, org, out note);
                    if (figure != null)
                    {
                        figure = decimal.Round(figure.Value / 12m, 0);
                        note = (note ?? string.Empty) + " (annual revenue ÷ 12; report organisation.monthlyRevenue for the peak month)";
                    }
                }
                break;
            default:
                return new ThresholdCheck(t, null, $"unknown metric '{t.Metric}'", ThresholdStatus.Unknown);
        }
        // Convert leaves a note without a figure only when no exchange rate is declared.
        if (figure is null) return new ThresholdCheck(t, null, note, ThresholdStatus.Unknown, noExchangeRate: note != null);
        var status = figure.Value > t.Value ? ThresholdStatus.Exceeded : figure.Value >= t.Value * (1m - (decimal)margin) ? ThresholdStatus.Near : ThresholdStatus.Ok;
        return new ThresholdCheck(t, figure, note, status);
    }

    private static decimal? Convert(Money? money, string? currency, Organisation org, out string? note)
    {
        note = null;
        if (money is null) return null;
        if (currency is null || string.Equals(currency, money.Currency, StringComparison.OrdinalIgnoreCase)) return money.Amount;
        if (Rate(org, money.Currency, currency) is { } rate)
        {
            note = $" (converted from {money.Amount.ToString("#,0", CultureInfo.InvariantCulture)} {money.Currency} at {rate.ToString(CultureInfo.InvariantCulture)})";
            return decimal.Round(money.Amount * rate, 0);
        }
        note = $"no exchange rate from {money.Currency} to {currency}: add organisation.exchangeRates: {{ \"{money.Currency}/{currency}\": <rate> }}";
        return null;
    }

    private static decimal? Rate(Organisation org, string from, string to)
    {
        foreach (var kv in org.ExchangeRates)
        {
            var key = new string(kv.Key.Where(char.IsLetter).ToArray()).ToUpperInvariant();
            if (key == from + to) return kv.Value.Value;
            if (key == to + from) return 1m / kv.Value.Value;
        }
        return null;
    }

    public static string Describe(Threshold t) => t.Metric switch
    {
        "monthly-active-users" => "monthly-active-user",
        "annual-revenue" => "annual-revenue",
        "monthly-revenue" => "monthly-revenue",
        _ => t.Metric,
    };

    /// <summary>" (period: the preceding calendar month…)": when the licence measures the figure.</summary>
    public static string PeriodText(Threshold t) => t.Period is null ? string.Empty : $" (period: {t.Period})";

    public static string FigureKey(Threshold t) => t.Metric switch
    {
        "monthly-active-users" => "monthlyActiveUsers",
        "monthly-revenue" => "annualRevenue or monthlyRevenue",
        _ => "annualRevenue",
    };

    /// <summary>700000000 → "700M"; revenue with its currency: "20M USD".</summary>
    public static string Format(Threshold t, decimal value)
    {
        var n = Human(value);
        return t.IsRevenue && t.Currency != null ? $"{n} {t.Currency}" : n;
    }

    public static string Human(decimal value)
    {
        var abs = Math.Abs(value);
        if (abs >= 1_000_000_000m) return Trim(value / 1_000_000_000m) + "B";
        if (abs >= 1_000_000m) return Trim(value / 1_000_000m) + "M";
        if (abs >= 10_000m) return Trim(value / 1_000m) + "K";
        return value.ToString("#,0", CultureInfo.InvariantCulture);
    }

    private static string Trim(decimal v) => decimal.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string EffectText(Threshold t) => t.Effect switch
    {
        "separate-licence-required" => "a separate licence from the maker is required",
        "termination" => "the licence terminates",
        "attribution-required" => "the attribution duty applies",
        "notice-required" => "a notice duty applies",
        _ => t.Effect,
    };
}
