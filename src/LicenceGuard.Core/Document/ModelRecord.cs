using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LicenceGuard.Core.Document;

/// <summary>One declared model: what it is, the licence it is evaluated under, the organisation's figures against its
/// thresholds, its duties, where its data goes, where code uses it, and its findings.</summary>
public sealed record ModelRecord
{
    public string Id { get; init; } = string.Empty;
    public List<string> Aliases { get; init; } = new();
    public string? Kind { get; init; }
    public string? Maker { get; init; }
    public string? Revision { get; init; }
    public Verdict Verdict { get; init; }
    public FileLocation Location { get; init; } = FileLocation.None;
    public CatalogueMatchRecord? CatalogueMatch { get; init; }
    /// <summary>The licence models.yaml names.</summary>
    public string? DeclaredLicence { get; init; }
    /// <summary>The key of the effective terms in <see cref="ComplianceDocument.Licences"/>; null when none was resolved.</summary>
    public string? Licence { get; init; }
    public ReviewRecord? Review { get; init; }
    public HostingRecord Hosting { get; init; } = new();
    public List<string> Receives { get; init; } = new();
    public PerimeterRecord Perimeter { get; init; } = new();
    public List<ThresholdRecord> Thresholds { get; init; } = new();
    public List<DutyRecord> Duties { get; init; } = new();
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TargetRecord? Target { get; init; }
    public List<WeightsFileRecord> Weights { get; init; } = new();
    public List<EvaluationRecord> Evaluations { get; init; } = new();
    public List<Output.CodeLocation> CodeLocations { get; init; } = new();
    /// <summary>The hardware attestation (rules/schema/hardware-attestation.schema.json), embedded as the tool wrote it.</summary>
    public JsonElement? HardwareAttestation { get; init; }
    public List<FindingRecord> Findings { get; init; } = new();

    /// <summary>"self-hosted:eu-west" or "api": how people say where a model runs.</summary>
    [JsonIgnore]
    public string HostingText => Hosting.Region is { } region ? (Hosting.Mode ?? "unknown") + ":" + region : Hosting.Mode ?? "unknown";
}

public sealed record CatalogueMatchRecord
{
    public string? Family { get; init; }
    public string? MatchedBy { get; init; }
    public string? Licence { get; init; }
    public string? CodeLicence { get; init; }
    /// <summary>False when the catalogue's licence rests on secondary evidence (LG1030); absent when verified.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? LicenceVerified { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ParametersTotal { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ParametersActive { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ContextTokens { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Modality { get; init; }
}

public sealed record ReviewRecord
{
    public string? By { get; init; }
    public string? On { get; init; }
    public string? TextSha256 { get; init; }
    public string? Source { get; init; }
    public bool MatchesCatalogueText { get; init; }
    public TextCheck TextCheck { get; init; }
}

public sealed record HostingRecord
{
    public string? Mode { get; init; }
    public string? Region { get; init; }
}

public sealed record PerimeterRecord
{
    public PerimeterStatus Verdict { get; init; }
    public string? Reason { get; init; }
    public List<string> DataClassesOutside { get; init; } = new();
}

public sealed record ThresholdRecord
{
    public string? Metric { get; init; }
    public decimal Value { get; init; }
    public string? Currency { get; init; }
    public decimal? Figure { get; init; }
    public double? HeadroomPercent { get; init; }
    public ThresholdStatus Status { get; init; }
    public string? Effect { get; init; }
    public string? Note { get; init; }
    public string? Source { get; init; }
}

public sealed record DutyRecord
{
    public string? Kind { get; init; }
    public string? Text { get; init; }
    public string? Where { get; init; }
    public bool Required { get; init; }
    public string? MetBy { get; init; }
    public bool Met { get; init; }
}

public sealed record TargetRecord
{
    public string? Gpu { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Count { get; init; }
    public string? Precision { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ContextTokens { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Concurrency { get; init; }
}

public sealed record WeightsFileRecord
{
    public string Path { get; init; } = string.Empty;
    public string? Sha256 { get; init; }
    public string? Format { get; init; }
    /// <summary>What the weights check read from the file (format, parameters, dtypes), as it wrote it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Inspection { get; init; }
}

public sealed record EvaluationRecord
{
    public string? On { get; init; }
    public string? Dataset { get; init; }
    public string? Score { get; init; }
    public string? Revision { get; init; }
    public string? Quantisation { get; init; }
    public string? Runtime { get; init; }
}
