using System;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Manifest;

namespace LicenceGuard.Core.Policy;

/// <summary>
/// Decides whether a model's hosting counts as inside the company's perimeter. Entries are <c>mode</c> or
/// <c>mode:region</c>, globs allowed (<c>managed:uk-*</c>). A model without hosting is outside: unknown is not safe.
/// </summary>
public static class PerimeterMatcher
{
    public static bool IsInside(ModelEntry model, Perimeter perimeter, out string where)
    {
        where = Where(model);
        var mode = Mode(model);
        var region = model.Hosting?.Region?.Value;
        if (mode is null) return false;
        foreach (var entry in perimeter.Inside)
        {
            var text = entry.Value;
            var colon = text.IndexOf(':');
            var entryMode = colon < 0 ? text : text.Substring(0, colon);
            var entryRegion = colon < 0 ? null : text.Substring(colon + 1);
            if (!Glob.IsMatch(entryMode, mode)) continue;
            if (entryRegion is null) return true;
            if (region != null && Glob.IsMatch(entryRegion, region)) return true;
        }
        return false;
    }

    /// <summary>Where the model runs, in words: "api:us", "self-hosted", or that it does not say.</summary>
    public static string Where(ModelEntry model)
    {
        var mode = Mode(model);
        var region = model.Hosting?.Region?.Value;
        return mode is null ? "an undeclared place (no 'hosting')" : region is null ? mode : $"{mode}:{region}";
    }

    private static string? Mode(ModelEntry model) => model.Hosting?.Mode?.Value ?? (model.Kind?.Value == "api" ? "api" : null);
}
