using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace LicenceGuard.Core.Document;

/// <summary>A licence's effective terms for the models that use it (model-specific editions applied), each fact with
/// the text it was read from.</summary>
public sealed record LicenceTerms
{
    public string Id { get; init; } = string.Empty;
    public string? Name { get; init; }
    public List<string> Aliases { get; init; } = new();
    public string? Openness { get; init; }
    public string? CommercialUse { get; init; }
    public List<ThresholdTerm> Thresholds { get; init; } = new();
    public AttributionTerm Attribution { get; init; } = new();
    public NoticeTerm Notice { get; init; } = new();
    public string? DerivativeNaming { get; init; }
    public List<string> TerritoryExclusions { get; init; } = new();
    public List<TerritoryExclusionTerm> TerritoryExclusionDetails { get; init; } = new();
    public List<string> DomicileExclusions { get; init; } = new();
    public List<UseRestrictionTerm> UseRestrictions { get; init; } = new();
    public bool? OutputsMayTrainOtherModels { get; init; }
    public bool? OsiApproved { get; init; }
    public string? AcceptableUsePolicy { get; init; }
    public string? GoverningLaw { get; init; }
    public string? Termination { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DataUseTerm? DataUse { get; init; }
    public string? Revision { get; init; }
    public string? Retrieved { get; init; }
    public string? TextSha256 { get; init; }
    public List<string> ModelSpecificClausesApplied { get; init; } = new();
    public List<string> Sources { get; init; } = new();
    public List<LicenceFileOverride> Overrides { get; init; } = new();
}

/// <summary>Where a fact was read: the URL, and the section and words when the catalogue records them.</summary>
public abstract record SourcedTerm
{
    public string? Source { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Section { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Quote { get; init; }
}

public sealed record ThresholdTerm : SourcedTerm
{
    public string? Metric { get; init; }
    public decimal Value { get; init; }
    public string? Currency { get; init; }
    public string? Effect { get; init; }
    public string? Period { get; init; }
    public string? MeasuredOn { get; init; }
}

public sealed record AttributionTerm : SourcedTerm
{
    public bool Required { get; init; }
    public bool ConditionalOnThreshold { get; init; }
    public string? Phrase { get; init; }
    public string? Where { get; init; }
}

public sealed record NoticeTerm
{
    public bool Required { get; init; }
    public string? Text { get; init; }
    public string? File { get; init; }
}

public sealed record TerritoryExclusionTerm : SourcedTerm
{
    public string? Code { get; init; }
    public string? Scope { get; init; }
}

public sealed record UseRestrictionTerm : SourcedTerm
{
    public List<string> Fields { get; init; } = new();
    public string? Activity { get; init; }
}

public sealed record DataUseTerm
{
    public string? Retention { get; init; }
    public bool? TrainsOnCustomerInputs { get; init; }
    public string? ResidencyOptions { get; init; }
}
