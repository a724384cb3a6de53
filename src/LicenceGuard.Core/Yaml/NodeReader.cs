using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LicenceGuard.Core.Manifest;

namespace LicenceGuard.Core.Yaml;

/// <summary>
/// Typed reads over a <see cref="YNode"/> tree. Every type error or unknown key becomes an error at its line; reading
/// goes on so that one run reports every problem of the file.
/// </summary>
public sealed class NodeReader
{
    private readonly Action<SourceLocation, string> _error;

    public NodeReader(Action<SourceLocation, string> error) => _error = error;

    public void Error(SourceLocation location, string message) => _error(location, message);

    public YMapping? Mapping(YNode? node, string what)
    {
        if (node is null || node is YScalar { IsNull: true }) return null;
        if (node is YMapping m) return m;
        _error(node.Location, $"{what} must be a mapping (key: value), not a {node.Kind}");
        return null;
    }

    public IEnumerable<YNode> Sequence(YNode? node, string what)
    {
        if (node is null || node is YScalar { IsNull: true }) return Enumerable.Empty<YNode>();
        if (node is YSequence s) return s.Items;
        _error(node.Location, $"{what} must be a list, not a {node.Kind}");
        return Enumerable.Empty<YNode>();
    }

    /// <summary>Reports keys outside <paramref name="allowed"/>, naming the closest allowed key.</summary>
    public void CheckKeys(YMapping map, string what, params string[] allowed)
    {
        foreach (var entry in map.Entries)
        {
            if (Array.IndexOf(allowed, entry.Key.Value) >= 0) continue;
            var hint = Closest(entry.Key.Value, allowed);
            _error(entry.Key.Location, hint is null
                ? $"unknown key '{entry.Key.Value}' in {what}; expected one of: {string.Join(", ", allowed)}"
                : $"unknown key '{entry.Key.Value}' in {what}; did you mean '{hint}'?");
        }
    }

    public Located<string>? String(YMapping map, string key, string what, bool required = false)
    {
        if (!map.TryGet(key, out var node) || node is YScalar { IsNull: true })
        {
            if (required) _error(map.Location, $"{what} needs '{key}'");
            return null;
        }
        if (node is YScalar s)
        {
            if (required && s.Value.Trim().Length == 0)
            {
                _error(s.Location, $"'{key}' of {what} must not be empty");
                return null;
            }
            return new Located<string>(s.Value.Trim(), s.Location);
        }
        _error(node.Location, $"'{key}' of {what} must be a single value, not a {node.Kind}");
        return null;
    }

    public Located<bool>? Bool(YMapping map, string key, string what)
    {
        var s = String(map, key, what);
        if (s is null) return null;
        switch (s.Value.ToLowerInvariant())
        {
            case "true": case "yes": return new Located<bool>(true, s.Location);
            case "false": case "no": return new Located<bool>(false, s.Location);
        }
        _error(s.Location, $"'{key}' of {what} must be true or false, not '{s.Value}'");
        return null;
    }

    public Located<long>? Long(YMapping map, string key, string what, long min = 0)
    {
        var s = String(map, key, what);
        if (s is null) return null;
        if (TryNumber(s.Value, out var d) && d == Math.Floor(d) && d >= min && d <= long.MaxValue)
            return new Located<long>((long)d, s.Location);
        _error(s.Location, $"'{key}' of {what} must be a whole number of at least {min}, not '{s.Value}'");
        return null;
    }

    public Located<int>? Int(YMapping map, string key, string what, int min = 0)
    {
        var l = Long(map, key, what, min);
        if (l is null) return null;
        if (l.Value > int.MaxValue)
        {
            _error(l.Location, $"'{key}' of {what} is too large");
            return null;
        }
        return new Located<int>((int)l.Value, l.Location);
    }

    public Located<decimal>? Decimal(YMapping map, string key, string what)
    {
        var s = String(map, key, what);
        if (s is null) return null;
        if (TryNumber(s.Value, out var d)) return new Located<decimal>(d, s.Location);
        _error(s.Location, $"'{key}' of {what} must be a number, not '{s.Value}'");
        return null;
    }

    public Located<double>? Double(YMapping map, string key, string what)
    {
        var d = Decimal(map, key, what);
        return d is null ? null : new Located<double>((double)d.Value, d.Location);
    }

    public Located<DateTime>? Date(YMapping map, string key, string what)
    {
        var s = String(map, key, what);
        if (s is null) return null;
        if (TryDate(s.Value, out var date)) return new Located<DateTime>(date, s.Location);
        _error(s.Location, $"'{key}' of {what} must be a date written YYYY-MM-DD, not '{s.Value}'");
        return null;
    }

    public List<Located<string>> StringList(YMapping map, string key, string what)
    {
        var list = new List<Located<string>>();
        if (!map.TryGet(key, out var node)) return list;
        if (node is YScalar single && !single.IsNull)
        {
            // A single value where a list is expected is almost always meant as a one-item list.
            list.Add(new Located<string>(single.Value.Trim(), single.Location));
            return list;
        }
        foreach (var item in Sequence(node, $"'{key}' of {what}"))
        {
            if (item is YScalar s && !s.IsNull) list.Add(new Located<string>(s.Value.Trim(), s.Location));
            else if (item is not YScalar) _error(item.Location, $"items of '{key}' in {what} must be single values");
        }
        return list;
    }

    public static bool TryDate(string text, out DateTime date) =>
        DateTime.TryParseExact(text.Trim(), new[] { "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss" },
            CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out date);

    /// <summary>Numbers as people write them in YAML: 700000000, 700_000_000, 7e8, 1.5.</summary>
    public static bool TryNumber(string text, out decimal value)
    {
        var t = text.Trim().Replace("_", string.Empty);
        if (decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return true;
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d) && !double.IsNaN(d)
            && Math.Abs(d) < 7.9e28)
        {
            value = (decimal)d;
            return true;
        }
        return false;
    }

    private static string? Closest(string key, string[] allowed)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var a in allowed)
        {
            var d = Distance(key.ToLowerInvariant(), a.ToLowerInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = a;
            }
        }
        return bestDistance <= Math.Max(2, key.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64) return int.MaxValue;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
