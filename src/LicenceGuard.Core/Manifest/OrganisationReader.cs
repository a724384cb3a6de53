using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.Manifest;

internal static class OrganisationReader
{
    private const string What = "'organisation'";

    public static Organisation Read(YMapping map, NodeReader r)
    {
        r.CheckKeys(map, What, "name", "commercial", "annualRevenue", "monthlyRevenue", "monthlyActiveUsers", "domicile",
            "territories", "fieldsOfUse", "perimeter", "exchangeRates");
        var org = new Organisation
        {
            Location = map.Location,
            Name = r.String(map, "name", What),
            Commercial = r.Bool(map, "commercial", What),
            AnnualRevenue = ReadMoney(map, "annualRevenue", r),
            MonthlyRevenue = ReadMoney(map, "monthlyRevenue", r),
            MonthlyActiveUsers = r.Long(map, "monthlyActiveUsers", What),
            Domicile = Code(r.String(map, "domicile", What), r),
        };
        // One problem, one finding: a value that is there but not a boolean was reported where it is written.
        if (org.Commercial is null && map["commercial"] is not YScalar { IsNull: false }) r.Error(map.Location, "'organisation' needs 'commercial: true|false' (is the product sold or used in a business?)");
        foreach (var t in r.StringList(map, "territories", What))
        {
            var c = Code(t, r);
            if (c != null) org.Territories.Add(c);
        }
        org.FieldsOfUse.AddRange(r.StringList(map, "fieldsOfUse", What));

        var perimeter = r.Mapping(map["perimeter"], "'perimeter'");
        if (perimeter != null)
        {
            r.CheckKeys(perimeter, "'perimeter'", "mustStayInside", "inside");
            org.Perimeter.Location = perimeter.Location;
            org.Perimeter.MustStayInside.AddRange(r.StringList(perimeter, "mustStayInside", "'perimeter'"));
            org.Perimeter.Inside.AddRange(r.StringList(perimeter, "inside", "'perimeter'"));
        }

        var rates = r.Mapping(map["exchangeRates"], "'exchangeRates'");
        if (rates != null)
        {
            foreach (var e in rates.Entries)
            {
                var rate = r.Decimal(rates, e.Key.Value, "'exchangeRates'");
                if (rate is null) continue;
                if (rate.Value <= 0) r.Error(rate.Location, "an exchange rate must be positive");
                else org.ExchangeRates[e.Key.Value.Replace(" ", string.Empty)] = rate;
            }
        }
        return org;
    }

    private static Money? ReadMoney(YMapping map, string key, NodeReader r)
    {
        if (!map.TryGet(key, out var node) || node is YScalar { IsNull: true }) return null;
        var m = r.Mapping(node, $"'{key}' (write {{ amount: 25000000, currency: USD }})");
        if (m is null) return null;
        r.CheckKeys(m, $"'{key}'", "amount", "currency");
        var amount = r.Decimal(m, "amount", $"'{key}'");
        var currency = r.String(m, "currency", $"'{key}'", required: true);
        if (amount is null)
        {
            r.Error(m.Location, $"'{key}' needs 'amount'");
            return null;
        }
        if (amount.Value < 0) r.Error(amount.Location, $"'{key}' must not be negative");
        if (currency is null) return null;
        if (currency.Value.Length != 3)
        {
            r.Error(currency.Location, $"'currency' must be an ISO 4217 code such as USD, EUR or GBP, not '{currency.Value}'");
            return null;
        }
        return new Money(amount.Value, currency.Value.ToUpperInvariant(), amount.Location);
    }

    private static Located<string>? Code(Located<string>? value, NodeReader r)
    {
        if (value is null) return null;
        var code = value.Value.ToUpperInvariant();
        if (!Territory.IsKnown(code))
        {
            r.Error(value.Location, $"'{value.Value}' is not an ISO 3166-1 alpha-2 country code (use EU for the European Union)");
            return null;
        }
        return new Located<string>(code, value.Location);
    }
}
