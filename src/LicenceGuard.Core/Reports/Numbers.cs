using System;
using System.Globalization;

namespace LicenceGuard.Core.Reports;

/// <summary>Figures as people say them in reports and messages.</summary>
public static class Numbers
{
    /// <summary>1234567 → "1.2M", 700000000 → "700M": how people say thresholds.</summary>
    public static string Short(double value)
    {
        var abs = Math.Abs(value);
        string Fmt(double v, string unit) => v.ToString(v >= 100 || Math.Abs(v - Math.Round(v)) < 0.05 ? "0" : "0.#", CultureInfo.InvariantCulture) + unit;
        if (abs >= 1e9) return Fmt(value / 1e9, "B");
        if (abs >= 1e6) return Fmt(value / 1e6, "M");
        if (abs >= 1e3) return Fmt(value / 1e3, "k");
        return value.ToString("0.##", CultureInfo.InvariantCulture);
    }

    public static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
