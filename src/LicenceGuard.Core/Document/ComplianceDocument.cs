using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LicenceGuard.Core.Document;

/// <summary>
/// The compliance manifest (obj/…/licenceguard/compliance-manifest.json) as types: what the build learned about every
/// model, written by <see cref="DocumentBuilder"/> and read back by the reports, the approval lock, the diff and the
/// runtime guard through <see cref="ComplianceJson"/>. models.lock.json is this document with <see cref="Approval"/>.
/// Property order is the JSON order; the output is deterministic (no timestamp unless asked for).
/// </summary>
public sealed record ComplianceDocument
{
    public const string SchemaUri = "https://github.com/licenceguard/licenceguard/blob/main/rules/schema/compliance-manifest.schema.json";

    /// <summary>2: licence terms once per licence in <see cref="Licences"/>, models refer to them by key. 1 (field
    /// <c>formatVersion</c>) repeated the terms in every model; <see cref="ComplianceJson.Parse"/> migrates it.</summary>
    public const int CurrentSchemaVersion = 2;

    [JsonPropertyName("$schema")]
    public string? Schema { get; set; } = SchemaUri;
    public int SchemaVersion { get; set; } = CurrentSchemaVersion;
    public string? Tool { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? GeneratedAt { get; set; }
    /// <summary>models.yaml's file name.</summary>
    public string? Manifest { get; set; }
    /// <summary>Only in models.lock.json: who approved it, and when.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ApprovalRecord? Approval { get; set; }
    /// <summary>False in the gate's manifest, written before the compiler: then no model's code use can be compared.</summary>
    public bool CodeLocationsRecorded { get; set; }
    public CatalogueRecord Catalogue { get; set; } = new();
    public OrganisationRecord? Organisation { get; set; }
    public SummaryRecord Summary { get; set; } = new();
    /// <summary>The effective terms of every licence in use, by <see cref="ModelRecord.Licence"/> key.</summary>
    public Dictionary<string, LicenceTerms> Licences { get; set; } = new(StringComparer.Ordinal);
    public List<ModelRecord> Models { get; set; } = new();
    public List<WaiverRecord> Waivers { get; set; } = new();
    /// <summary>Every finding of the evaluation, once (a model's are those that name it: <see cref="FindingsOf"/>).</summary>
    public List<FindingRecord> Findings { get; set; } = new();
    /// <summary>The dependency audit's report (dependencies.json), embedded as the audit wrote it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Dependencies { get; set; }
    /// <summary>The weights' memory fit on the declared target GPUs, as the weights check computed it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? MemoryFit { get; set; }

    /// <summary>The terms <paramref name="model"/> is evaluated under; null when no licence was resolved.</summary>
    public LicenceTerms? TermsOf(ModelRecord model) =>
        model.Licence is { } key && Licences.TryGetValue(key, out var terms) ? terms : null;

    private List<FindingRecord>? _indexed;
    private ILookup<string, FindingRecord>? _byModel;

    /// <summary>The findings about <paramref name="model"/>, in the document's order.</summary>
    public IEnumerable<FindingRecord> FindingsOf(ModelRecord model)
    {
        // Indexed once per findings list, so that a report over every model stays linear.
        if (!ReferenceEquals(_indexed, Findings))
        {
            _byModel = Findings.Where(f => f.Model != null).ToLookup(f => f.Model!, StringComparer.Ordinal);
            _indexed = Findings;
        }
        return _byModel![model.Id];
    }
}

public sealed record ApprovalRecord(string By, string On);

public sealed record FileLocation(string? File, int Line, int Column)
{
    public static readonly FileLocation None = new(null, 0, 0);
}

public sealed record MoneyRecord(decimal Amount, string? Currency);

public sealed record CatalogueRecord
{
    public string? Date { get; set; }
    public string? Version { get; set; }
    public List<LicenceFileOverride> Overrides { get; set; } = new();
    /// <summary>Each replaced fact of the embedded catalogue, so that the approval lock covers it: a changed override is drift.</summary>
    public List<FactOverrideRecord> FactOverrides { get; set; } = new();
}

/// <summary>An organisation licence file that replaced (or added) a licence's facts.</summary>
public sealed record LicenceFileOverride
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Licence { get; set; }
    public string File { get; set; } = string.Empty;
    public bool Added { get; set; }
    public List<string> Keys { get; set; } = new();
}

public sealed record FactOverrideRecord
{
    public string? Licence { get; set; }
    public string? Key { get; set; }
    public string? Embedded { get; set; }
    public string? Organisation { get; set; }
    public string? OrganisationSha256 { get; set; }
    public bool Relaxes { get; set; }
    public string? By { get; set; }
    public string? Reason { get; set; }
    public string? Source { get; set; }
    public string? Approver { get; set; }
    public FileLocation Location { get; set; } = FileLocation.None;
}

public sealed record OrganisationRecord
{
    public string? Name { get; set; }
    public bool? Commercial { get; set; }
    public MoneyRecord? AnnualRevenue { get; set; }
    public MoneyRecord? MonthlyRevenue { get; set; }
    public long? MonthlyActiveUsers { get; set; }
    public string? Domicile { get; set; }
    public List<string> Territories { get; set; } = new();
    public List<string> FieldsOfUse { get; set; } = new();
    public PerimeterDeclaration Perimeter { get; set; } = new();
}

public sealed record PerimeterDeclaration
{
    public List<string> MustStayInside { get; set; } = new();
    public List<string> Inside { get; set; } = new();
}

public sealed record SummaryRecord
{
    public int Models { get; set; }
    public int Pass { get; set; }
    public int Warn { get; set; }
    public int Fail { get; set; }
    public int Errors { get; set; }
    public int Warnings { get; set; }
    public int Waived { get; set; }
    public Verdict Verdict { get; set; }
}

public sealed record WaiverRecord
{
    public string? Rule { get; set; }
    public string? Model { get; set; }
    /// <summary>The NuGet package (a glob) a dependency-audit waiver names.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Package { get; set; }
    public string? Reason { get; set; }
    public string? Approver { get; set; }
    public string? Expires { get; set; }
    public bool Expired { get; set; }
    public int Covers { get; set; }
    public FileLocation Location { get; set; } = FileLocation.None;
}

public sealed record FindingRecord
{
    public string Id { get; set; } = string.Empty;
    [JsonConverter(typeof(KebabCaseEnumConverter<Severity>))]
    public Severity Severity { get; set; }
    [JsonConverter(typeof(KebabCaseEnumConverter<Severity>))]
    public Severity EffectiveSeverity { get; set; }
    public string? Message { get; set; }
    public string? Model { get; set; }
    public FileLocation Location { get; set; } = FileLocation.None;
    public Dictionary<string, string> Facts { get; set; } = new(StringComparer.Ordinal);
    public bool Waived { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FindingWaiver? Waiver { get; set; }
    public string? Help { get; set; }
}

public sealed record FindingWaiver(string? Reason, string? Approver, string? Expires);
