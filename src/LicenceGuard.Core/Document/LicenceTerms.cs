using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace LicenceGuard.Core.Document;

/// <summary>A licence's effective terms for the models that use it (model-specific editions applied), each fact with
/// the text it was read from.</summary>
public sealed record LicenceTerms
{
    public string Id { get; set; } = string.Empty;
    public string? Name { get; set; }
    public List<string> Aliases { get; set; } = new();
    public string? Openness { get; set; }
    public string? CommercialUse { get; set; }
    public List<ThresholdTerm> Thresholds { get; set; } = new();
    public AttributionTerm Attribution { get; set; } = new();
    public NoticeTerm Notice { get; set; } = new();
    public string? DerivativeNaming { get; set; }
    public List<string> TerritoryExclusions { get; set; } = new();
    public List<TerritoryExclusionTerm> TerritoryExclusionDetails { get; set; } = new();
    public List<string> DomicileExclusions { get; set; } = new();
    public List<UseRestrictionTerm> UseRestrictions { get; set; } = new();
    public bool? OutputsMayTrainOtherModels { get; set; }
    public bool? OsiApproved { get; set; }
    public string? AcceptableUsePolicy { get; set; }
    public string? GoverningLaw { get; set; }
    public string? Termination { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DataUseTerm? DataUse { get; set; }
    public string? Revision { get; set; }
    public string? Retrieved { get; set; }
    public string? TextSha256 { get; set; }
    public List<string> ModelSpecificClausesApplied { get; set; } = new();
    public List<string> Sources { get; set; } = new();
    public List<LicenceFileOverride> Overrides { get; set; } = new();
}

/// <summary>Where a fact was read: the URL, and the section and words when the catalogue records them.</summary>
public abstract record SourcedTerm
{
    public string? Source { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Section { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Quote { get; set; }
}

public sealed record ThresholdTerm : SourcedTerm
{
    public string? Metric { get; set; }
    public decimal Value { get; set; }
    public string? Currency { get; set; }
    public string? Effect { get; set; }
    public string? Period { get; set; }
    public string? MeasuredOn { get; set; }
}

public sealed record AttributionTerm : SourcedTerm
{
    public bool Required { get; set; }
    public bool ConditionalOnThreshold { get; set; }
    public string? Phrase { get; set; }
    public string? Where { get; set; }
}

public sealed record NoticeTerm
{
    public bool Required { get; set; }
    public string? Text { get; set; }
    public string? File { get; set; }
}

public sealed record TerritoryExclusionTerm : SourcedTerm
{
    public string? Code { get; set; }
    public string? Scope { get; set; }
}

public sealed record UseRestrictionTerm : SourcedTerm
{
    public List<string> Fields { get; set; } = new();
    public string? Activity { get; set; }
}

public sealed record DataUseTerm
{
    public string? Retention { get; set; }
    public bool? TrainsOnCustomerInputs { get; set; }
    public string? ResidencyOptions { get; set; }
}
