using System;
using System.Collections.Generic;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.Catalogue;

/// <summary>The terms of one licence or service agreement, as recorded in <c>rules/licences/&lt;id&gt;.yaml</c>.</summary>
public sealed class Licence
{
    public string Id { get; internal set; } = string.Empty;
    public string Name { get; internal set; } = string.Empty;
    public DateTime? Revision { get; internal set; }
    public DateTime? Retrieved { get; internal set; }
    /// <summary>osi-open-source | open-weights-restricted | research-non-commercial | proprietary-service | open-content.</summary>
    public string Openness { get; internal set; } = "unknown";
    public bool? OsiApproved { get; internal set; }
    public List<string> Aliases { get; } = new();
    public SortedDictionary<string, string> Sources { get; } = new(StringComparer.Ordinal);
    public Fact<string?>? TextSha256 { get; internal set; }
    public bool TextExact { get; internal set; } = true;
    /// <summary>allowed | restricted | forbidden.</summary>
    public Fact<string>? CommercialUse { get; internal set; }
    public List<Threshold> Thresholds { get; } = new();
    public Attribution? Attribution { get; internal set; }
    public Notice? Notice { get; internal set; }
    public Fact<string>? DerivativeNaming { get; internal set; }
    /// <summary>What a derivative model's name must start with ("Llama"), when the licence says so.</summary>
    public string? DerivativeNamePrefix { get; internal set; }
    /// <summary>Fields of use and activities the licence or its acceptable-use policy forbids.</summary>
    public List<Fact<UseRestriction>> UseRestrictions { get; } = new();
    /// <summary>The duty to make the use restrictions an enforceable provision of the product's own terms.</summary>
    public Fact<bool>? UseRestrictionsPassThrough { get; internal set; }
    public List<Fact<TerritoryExclusion>> TerritoryExclusions { get; } = new();
    public List<Fact<TerritoryExclusion>> DomicileExclusions { get; } = new();
    public Fact<string>? AcceptableUsePolicy { get; internal set; }
    public Fact<bool?>? OutputsMayTrainOtherModels { get; internal set; }
    public Fact<string>? Termination { get; internal set; }
    public Fact<string>? GoverningLaw { get; internal set; }
    public Fact<string>? DataRetention { get; internal set; }
    public Fact<bool?>? TrainsOnCustomerInputs { get; internal set; }
    public Fact<string>? ResidencyOptions { get; internal set; }
    public List<ModelSpecificTerms> ModelSpecific { get; } = new();

    /// <summary>The file the licence came from (an embedded rules/ path or an organisation's file).</summary>
    public string File { get; internal set; } = string.Empty;
    /// <summary>Organisation files that changed facts of this licence, with the keys they changed.</summary>
    public List<LicenceOverride> Overrides { get; } = new();
    /// <summary>Model-specific clauses merged into these terms (set on effective terms only).</summary>
    public List<string> AppliedModelSpecific { get; } = new();

    internal YMapping Raw { get; set; } = null!;

    public bool IsNonCommercial =>
        string.Equals(CommercialUse?.Value, "forbidden", StringComparison.OrdinalIgnoreCase) ||
        string.Equals(Openness, "research-non-commercial", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Id} ({Name})";
}

public sealed class Threshold
{
    /// <summary>monthly-active-users | annual-revenue | monthly-revenue.</summary>
    public string Metric { get; internal set; } = string.Empty;
    public decimal Value { get; internal set; }
    public string? Currency { get; internal set; }
    public string? Period { get; internal set; }
    public string? MeasuredOn { get; internal set; }
    /// <summary>attribution-required | separate-licence-required | termination | notice-required.</summary>
    public string Effect { get; internal set; } = string.Empty;
    public Fact<decimal> Fact { get; internal set; } = null!;

    public bool IsRevenue => Metric == "annual-revenue" || Metric == "monthly-revenue";

    /// <summary>Crossing a threshold whose effect is a duty only triggers the duty; the others withdraw the licence.</summary>
    public bool RevokesRights => Effect == "separate-licence-required" || Effect == "termination";
}

public sealed class Attribution
{
    public bool Required { get; internal set; }
    public string? Phrase { get; internal set; }
    public string? Where { get; internal set; }
    public Fact<bool> Fact { get; internal set; } = null!;
}

public sealed class Notice
{
    public bool Required { get; internal set; }
    public string? Text { get; internal set; }
    public string? File { get; internal set; }
    public Fact<bool> Fact { get; internal set; } = null!;
}

public sealed class TerritoryExclusion
{
    public TerritoryExclusion(string code, string scope)
    {
        Code = code;
        Scope = scope;
    }

    public string Code { get; }
    /// <summary>use | distribution | domicile.</summary>
    public string Scope { get; }
}

/// <summary>
/// One use restriction: the fields of use it touches, and the activity within them that is forbidden. Without an
/// activity the whole field is forbidden ("for military use in any way").
/// </summary>
public sealed class UseRestriction
{
    public UseRestriction(IReadOnlyList<string> fields, string? activity)
    {
        Fields = fields;
        Activity = activity;
    }

    public IReadOnlyList<string> Fields { get; }
    public string? Activity { get; }
    public bool WholeField => Activity is null;
}

public sealed class ModelSpecificTerms
{
    public List<string> AppliesTo { get; } = new();
    internal YMapping Raw { get; set; } = null!;
}

public sealed class LicenceOverride
{
    public LicenceOverride(string file, IReadOnlyList<string> keys, bool added)
    {
        File = file;
        Keys = keys;
        Added = added;
    }

    public string File { get; }
    public IReadOnlyList<string> Keys { get; }
    /// <summary>True when the organisation file added a licence the catalogue did not have.</summary>
    public bool Added { get; }
}
