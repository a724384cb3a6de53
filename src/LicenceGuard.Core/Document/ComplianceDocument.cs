using System;
using System.Collections.Generic;
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
    public string? Schema { get; init; } = SchemaUri;
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public string? Tool { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? GeneratedAt { get; init; }
    /// <summary>models.yaml's file name.</summary>
    public string? Manifest { get; init; }
    /// <summary>Only in models.lock.json: who approved it, and when.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ApprovalRecord? Approval { get; init; }
    /// <summary>False in the gate's manifest, written before the compiler: then no model's code use can be compared.</summary>
    public bool CodeLocationsRecorded { get; init; }
    public CatalogueRecord Catalogue { get; init; } = new();
    public OrganisationRecord? Organisation { get; init; }
    public SummaryRecord Summary { get; init; } = new();
    /// <summary>The effective terms of every licence in use, by <see cref="ModelRecord.Licence"/> key.</summary>
    public Dictionary<string, LicenceTerms> Licences { get; init; } = new(StringComparer.Ordinal);
    public List<ModelRecord> Models { get; init; } = new();
    public List<WaiverRecord> Waivers { get; init; } = new();
    /// <summary>Every finding of the evaluation; each model's own are also under its <see cref="ModelRecord.Findings"/>.</summary>
    public List<FindingRecord> Findings { get; init; } = new();
    /// <summary>The dependency audit's report (dependencies.json), embedded as the audit wrote it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Dependencies { get; init; }
    /// <summary>The weights' memory fit on the declared target GPUs, as the weights check computed it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? MemoryFit { get; init; }

    /// <summary>The terms <paramref name="model"/> is evaluated under; null when no licence was resolved.</summary>
    public LicenceTerms? TermsOf(ModelRecord model) =>
        model.Licence is { } key && Licences.TryGetValue(key, out var terms) ? terms : null;
}

public sealed record ApprovalRecord(string By, string On);

public sealed record FileLocation(string? File, int Line, int Column)
{
    public static readonly FileLocation None = new(null, 0, 0);
}

public sealed record MoneyRecord(decimal Amount, string? Currency);

public sealed record CatalogueRecord
{
    public string? Date { get; init; }
    public string? Version { get; init; }
    public List<LicenceFileOverride> Overrides { get; init; } = new();
    /// <summary>Each replaced fact of the embedded catalogue, so that the approval lock covers it: a changed override is drift.</summary>
    public List<FactOverrideRecord> FactOverrides { get; init; } = new();
}

/// <summary>An organisation licence file that replaced (or added) a licence's facts.</summary>
public sealed record LicenceFileOverride
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Licence { get; init; }
    public string File { get; init; } = string.Empty;
    public bool Added { get; init; }
    public List<string> Keys { get; init; } = new();
}

public sealed record FactOverrideRecord
{
    public string? Licence { get; init; }
    public string? Key { get; init; }
    public string? Embedded { get; init; }
    public string? Organisation { get; init; }
    public string? OrganisationSha256 { get; init; }
    public bool Relaxes { get; init; }
    public string? By { get; init; }
    public string? Reason { get; init; }
    public string? Source { get; init; }
    public string? Approver { get; init; }
    public FileLocation Location { get; init; } = FileLocation.None;
}

public sealed record OrganisationRecord
{
    public string? Name { get; init; }
    public bool? Commercial { get; init; }
    public MoneyRecord? AnnualRevenue { get; init; }
    public MoneyRecord? MonthlyRevenue { get; init; }
    public long? MonthlyActiveUsers { get; init; }
    public string? Domicile { get; init; }
    public List<string> Territories { get; init; } = new();
    public List<string> FieldsOfUse { get; init; } = new();
    public PerimeterDeclaration Perimeter { get; init; } = new();
}

public sealed record PerimeterDeclaration
{
    public List<string> MustStayInside { get; init; } = new();
    public List<string> Inside { get; init; } = new();
}

public sealed record SummaryRecord
{
    public int Models { get; init; }
    public int Pass { get; init; }
    public int Warn { get; init; }
    public int Fail { get; init; }
    public int Errors { get; init; }
    public int Warnings { get; init; }
    public int Waived { get; init; }
    public Verdict Verdict { get; init; }
}

public sealed record WaiverRecord
{
    public string? Rule { get; init; }
    public string? Model { get; init; }
    public string? Reason { get; init; }
    public string? Approver { get; init; }
    public string? Expires { get; init; }
    public bool Expired { get; init; }
    public int Covers { get; init; }
    public FileLocation Location { get; init; } = FileLocation.None;
}

public sealed record FindingRecord
{
    public string Id { get; init; } = string.Empty;
    [JsonConverter(typeof(KebabCaseEnumConverter<Severity>))]
    public Severity Severity { get; init; }
    [JsonConverter(typeof(KebabCaseEnumConverter<Severity>))]
    public Severity EffectiveSeverity { get; init; }
    public string? Message { get; init; }
    public string? Model { get; init; }
    public FileLocation Location { get; init; } = FileLocation.None;
    public Dictionary<string, string> Facts { get; init; } = new(StringComparer.Ordinal);
    public bool Waived { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FindingWaiver? Waiver { get; init; }
    public string? Help { get; init; }
}

public sealed record FindingWaiver(string? Reason, string? Approver, string? Expires);
