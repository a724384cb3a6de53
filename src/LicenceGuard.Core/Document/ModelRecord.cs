using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LicenceGuard.Core.Document;

/// <summary>One declared model: what it is, the licence it is evaluated under, the organisation's figures against its
/// thresholds, its duties, where its data goes and where code uses it. Its findings are the document's that name it
/// (<see cref="ComplianceDocument.FindingsOf"/>).</summary>
public sealed record ModelRecord
{
    public string Id { get; set; } = string.Empty;
    public List<string> Aliases { get; set; } = new();
    public string? Kind { get; set; }
    public string? Maker { get; set; }
    public string? Revision { get; set; }
    public Verdict Verdict { get; set; }
    public FileLocation Location { get; set; } = FileLocation.None;
    public CatalogueMatchRecord? CatalogueMatch { get; set; }
    /// <summary>The licence models.yaml names.</summary>
    public string? DeclaredLicence { get; set; }
    /// <summary>The key of the effective terms in <see cref="ComplianceDocument.Licences"/>; null when none was resolved.</summary>
    public string? Licence { get; set; }
    public ReviewRecord? Review { get; set; }
    public HostingRecord Hosting { get; set; } = new();
    public List<string> Receives { get; set; } = new();
    public PerimeterRecord Perimeter { get; set; } = new();
    public List<ThresholdRecord> Thresholds { get; set; } = new();
    public List<DutyRecord> Duties { get; set; } = new();
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TargetRecord? Target { get; set; }
    public List<WeightsFileRecord> Weights { get; set; } = new();
    public List<EvaluationRecord> Evaluations { get; set; } = new();
    public List<Output.CodeLocation> CodeLocations { get; set; } = new();
    /// <summary>The hardware attestation (rules/schema/hardware-attestation.schema.json), embedded as the tool wrote it.</summary>
    public JsonElement? HardwareAttestation { get; set; }

    /// <summary>"self-hosted:eu-west" or "api": how people say where a model runs.</summary>
    [JsonIgnore]
    public string HostingText => Hosting.Region is { } region ? (Hosting.Mode ?? "unknown") + ":" + region : Hosting.Mode ?? "unknown";
}

public sealed record CatalogueMatchRecord
{
    public string? Family { get; set; }
    public string? MatchedBy { get; set; }
    public string? Licence { get; set; }
    public string? CodeLicence { get; set; }
    /// <summary>False when the catalogue's licence rests on secondary evidence (LG1030); absent when verified.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? LicenceVerified { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ParametersTotal { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ParametersActive { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ContextTokens { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Modality { get; set; }
}

public sealed record ReviewRecord
{
    public string? By { get; set; }
    public string? On { get; set; }
    public string? TextSha256 { get; set; }
    public string? Source { get; set; }
    public bool MatchesCatalogueText { get; set; }
    public TextCheck TextCheck { get; set; }
}

public sealed record HostingRecord
{
    public string? Mode { get; set; }
    public string? Region { get; set; }
}

public sealed record PerimeterRecord
{
    public PerimeterStatus Verdict { get; set; }
    public string? Reason { get; set; }
    public List<string> DataClassesOutside { get; set; } = new();
}

public sealed record ThresholdRecord
{
    public string? Metric { get; set; }
    public decimal Value { get; set; }
    public string? Currency { get; set; }
    public decimal? Figure { get; set; }
    public double? HeadroomPercent { get; set; }
    public ThresholdStatus Status { get; set; }
    public string? Effect { get; set; }
    public string? Note { get; set; }
    public string? Source { get; set; }
}

public sealed record DutyRecord
{
    public string? Kind { get; set; }
    public string? Text { get; set; }
    public string? Where { get; set; }
    public bool Required { get; set; }
    public string? MetBy { get; set; }
    public bool Met { get; set; }
}

public sealed record TargetRecord
{
    public string? Gpu { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Count { get; set; }
    public string? Precision { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ContextTokens { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Concurrency { get; set; }
}

public sealed record WeightsFileRecord
{
    public string Path { get; set; } = string.Empty;
    public string? Sha256 { get; set; }
    public string? Format { get; set; }
    /// <summary>What the weights check read from the file (format, parameters, dtypes), as it wrote it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Inspection { get; set; }
}

public sealed record EvaluationRecord
{
    public string? On { get; set; }
    public string? Dataset { get; set; }
    public string? Score { get; set; }
    public string? Revision { get; set; }
    public string? Quantisation { get; set; }
    public string? Runtime { get; set; }
}
