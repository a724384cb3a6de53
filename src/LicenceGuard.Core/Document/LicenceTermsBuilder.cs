using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LicenceGuard.Core.Catalogue;

namespace LicenceGuard.Core.Document;

/// <summary>A catalogue licence's effective terms as the document records them (also what <c>licenceguard catalogue</c> prints).</summary>
public static class LicenceTermsBuilder
{
    public static LicenceTerms Build(Licence l) => new()
    {
        Id = l.Id,
        Name = l.Name,
        Aliases = l.Aliases.ToList(),
        Openness = l.Openness,
        CommercialUse = l.CommercialUse?.Value ?? (l.IsNonCommercial ? "forbidden" : null),
        Thresholds = l.Thresholds.Select(t => new ThresholdTerm
        {
            Metric = t.Metric,
            Value = t.Value,
            Currency = t.Currency,
            Effect = t.Effect,
            Period = t.Period,
            MeasuredOn = t.MeasuredOn,
            Source = t.Fact.SourceUrl,
            Section = t.Fact.Section,
            Quote = t.Fact.Quote,
        }).ToList(),
        Attribution = new AttributionTerm
        {
            Required = l.Attribution?.Required ?? false,
            ConditionalOnThreshold = l.Attribution != null && l.Thresholds.Any(t => t.Effect == "attribution-required"),
            Phrase = l.Attribution?.Phrase,
            Where = l.Attribution?.Where,
            Source = l.Attribution?.Fact.SourceUrl,
            Section = l.Attribution?.Fact.Section,
            Quote = l.Attribution?.Fact.Quote,
        },
        Notice = new NoticeTerm { Required = l.Notice?.Required ?? false, Text = l.Notice?.Text, File = l.Notice?.File },
        DerivativeNaming = l.DerivativeNaming?.Value,
        TerritoryExclusions = l.TerritoryExclusions.Select(t => t.Value.Code).Distinct().ToList(),
        TerritoryExclusionDetails = l.TerritoryExclusions.Select(t => new TerritoryExclusionTerm
        {
            Code = t.Value.Code,
            Scope = t.Value.Scope,
            Source = t.SourceUrl,
            Section = t.Section,
            Quote = t.Quote,
        }).ToList(),
        DomicileExclusions = l.DomicileExclusions.Select(t => t.Value.Code).Distinct().ToList(),
        UseRestrictions = l.UseRestrictions.Select(r => new UseRestrictionTerm
        {
            Fields = r.Value.Fields.ToList(),
            Activity = r.Value.Activity,
            Source = r.SourceUrl,
            Section = r.Section,
            Quote = r.Quote,
        }).ToList(),
        OutputsMayTrainOtherModels = l.OutputsMayTrainOtherModels?.Value,
        OsiApproved = l.OsiApproved,
        AcceptableUsePolicy = l.AcceptableUsePolicy?.Value,
        GoverningLaw = l.GoverningLaw?.Value,
        Termination = l.Termination?.Value,
        DataUse = l.DataRetention != null || l.TrainsOnCustomerInputs != null || l.ResidencyOptions != null
            ? new DataUseTerm { Retention = l.DataRetention?.Value, TrainsOnCustomerInputs = l.TrainsOnCustomerInputs?.Value, ResidencyOptions = l.ResidencyOptions?.Value }
            : null,
        Revision = l.Revision?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Retrieved = l.Retrieved?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TextSha256 = l.TextSha256?.Value,
        ModelSpecificClausesApplied = l.AppliedModelSpecific.ToList(),
        Sources = l.Sources.Values.Distinct(StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal).ToList(),
        Overrides = l.Overrides.Select(o => new LicenceFileOverride { File = o.File.Replace('\\', '/'), Added = o.Added, Keys = o.Keys.ToList() }).ToList(),
    };

    /// <summary>The key of a licence's effective terms: its ID, and the model-specific editions applied to it.</summary>
    public static string KeyOf(Licence l) => KeyOf(l.Id, l.AppliedModelSpecific);

    /// <summary>The key of a licence's terms from its ID and the model-specific editions applied (also for a first-format lock).</summary>
    public static string KeyOf(string id, IReadOnlyList<string> editions) =>
        editions.Count == 0 ? id : id + " [" + string.Join("; ", editions) + "]";
}
