using System;
using System.Collections.Generic;
using System.Linq;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.Catalogue;

/// <summary>
/// The keys and values a licence file may hold, checked for organisation files so that a typo (<c>comercialUse:</c>,
/// <c>forbiden</c>) is an error at its line instead of a fact silently left as the embedded catalogue had it. The key
/// lists are those of the embedded catalogue (a test runs this schema over every embedded licence file).
/// </summary>
internal static class LicenceFileSchema
{
    /// <summary>Where a fact comes from; any fact mapping may carry them.</summary>
    private static readonly string[] Provenance = { "source", "section", "quote", "note" };

    private static readonly string[] TopLevel =
    {
        "id", "name", "revision", "retrieved", "openness", "osiApproved", "aliases", "sources", "text", "commercialUse",
        "thresholds", "attribution", "notice", "derivativeNaming", "territoryExclusions", "domicileExclusions",
        "acceptableUsePolicy", "outputsMayTrainOtherModels", "termination", "governingLaw", "dataUse", "modelSpecific",
        // Facts the catalogue records for a reader; the evaluation does not act on them.
        "aliasesNote", "baseLicence", "exportControls", "modelProviderTerms", "noncommercialDefinition", "notes",
        "redistributionConditions", "registrationRequired", "revisionNote", "revisionText", "shareAlike", "territoryNote",
        "territoryRestriction", "thresholdExemptions", "useRestrictions", "useRestrictionsList", "useRestrictionsPassThrough",
        // An organisation file's record of who changed the embedded facts, why, and who approved a relaxation.
        OverrideBlock.Key,
    };

    private static readonly Dictionary<string, string[]> FactKeys = new(StringComparer.Ordinal)
    {
        ["commercialUse"] = new[] { "value" },
        ["attribution"] = new[] { "required", "onlyAboveThresholds", "phrase", "alternatives", "where" },
        ["notice"] = new[] { "required", "text", "file", "onlyAboveThresholds" },
        ["text"] = new[] { "sha256", "textExact", "file", "url", "textName" },
    };

    private static readonly string[] ThresholdKeys = { "metric", "value", "currency", "period", "measuredOn", "effect" };
    private static readonly string[] ExclusionKeys = { "code", "scope" };

    public static readonly string[] CommercialUseValues = { "allowed", "restricted", "forbidden" };
    private static readonly string[] OpennessValues = { "osi-open-source", "open-weights-restricted", "research-non-commercial", "proprietary-service", "open-content" };
    private static readonly string[] Metrics = { "monthly-active-users", "annual-revenue", "monthly-revenue" };
    private static readonly string[] Effects = { "separate-licence-required", "termination", "attribution-required", "notice-required" };
    private static readonly string[] Scopes = { "use", "distribution", "domicile" };

    public static void Check(YMapping licence, NodeReader r)
    {
        r.CheckKeys(licence, "a licence file", TopLevel);
        Value(licence, "openness", OpennessValues, r);
        foreach (var pair in FactKeys)
            if (licence[pair.Key] is YMapping fact) r.CheckKeys(fact, $"'{pair.Key}'", pair.Value.Concat(Provenance).ToArray());
        if (licence["commercialUse"] is YMapping commercial) Value(commercial, "value", CommercialUseValues, r);
        else if (licence["commercialUse"] is YScalar { IsNull: false } plain) OneOf(plain, "commercialUse", CommercialUseValues, r);
        foreach (var t in Items(licence, "thresholds"))
        {
            r.CheckKeys(t, "a threshold", ThresholdKeys.Concat(Provenance).ToArray());
            Value(t, "metric", Metrics, r);
            Value(t, "effect", Effects, r);
        }
        foreach (var key in new[] { "territoryExclusions", "domicileExclusions" })
            foreach (var e in Items(licence, key))
            {
                r.CheckKeys(e, "an exclusion", ExclusionKeys.Concat(Provenance).ToArray());
                Value(e, "scope", Scopes, r);
            }
    }

    private static IEnumerable<YMapping> Items(YMapping map, string key) =>
        map[key] is YSequence list ? list.Items.OfType<YMapping>() : Enumerable.Empty<YMapping>();

    private static void Value(YMapping map, string key, string[] allowed, NodeReader r)
    {
        if (map[key] is YScalar { IsNull: false } s) OneOf(s, key, allowed, r);
    }

    private static void OneOf(YScalar s, string key, string[] allowed, NodeReader r)
    {
        if (Array.IndexOf(allowed, s.Value.Trim()) < 0)
            r.Error(s.Location, $"'{s.Value}' is not a value of '{key}'; expected one of: {string.Join(", ", allowed)}");
    }
}
