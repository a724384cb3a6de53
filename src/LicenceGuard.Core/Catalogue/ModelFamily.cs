using System.Collections.Generic;

namespace LicenceGuard.Core.Catalogue;

/// <summary>A family of models under one weights licence, recognised by ID patterns (Hugging Face ids, API names, Ollama tags).</summary>
public sealed class ModelFamily
{
    public string Id { get; internal set; } = string.Empty;
    public string Name { get; internal set; } = string.Empty;
    public string Maker { get; internal set; } = string.Empty;
    /// <summary>open-weight | api.</summary>
    public string Kind { get; internal set; } = "open-weight";
    public string Licence { get; internal set; } = string.Empty;
    public string? CodeLicence { get; internal set; }
    public List<string> Patterns { get; } = new();
    /// <summary>
    /// Providers whose terms this family records (<c>azure</c> for Azure OpenAI): such a family answers only for a
    /// model declared with one of these providers, never for the bare model ID.
    /// </summary>
    public List<string> Providers { get; } = new();
    /// <summary>Patterns of common fine-tune names (<c>*/*llama-3.1-*</c>): a match is a derivative of the family.</summary>
    public List<string> DerivativePatterns { get; } = new();
    public List<string> Examples { get; } = new();
    public List<KnownModel> Models { get; } = new();
    public string? SourceUrl { get; internal set; }
    /// <summary>False when the family's licence rests on secondary evidence or could not be read at all (licence
    /// null); <see cref="LicenceNote"/> says what was read instead.</summary>
    public bool LicenceVerified { get; internal set; } = true;
    public string? LicenceNote { get; internal set; }
    public string File { get; internal set; } = string.Empty;
    public SourceLocation Location { get; internal set; }
}

public sealed class KnownModel
{
    public string Id { get; internal set; } = string.Empty;
    public List<string> Aliases { get; } = new();
    public long? ParametersTotal { get; internal set; }
    public long? ParametersActive { get; internal set; }
    public long? ContextTokens { get; internal set; }
    public List<string> Modality { get; } = new();
    /// <summary>A model-level licence, when one model of the family differs from the family's.</summary>
    public string? Licence { get; internal set; }
}

public sealed class Gpu
{
    public string Id { get; internal set; } = string.Empty;
    public List<string> Aliases { get; } = new();
    public string Vendor { get; internal set; } = string.Empty;
    public long MemoryBytes { get; internal set; }
    public double? MemoryGiB { get; internal set; }
    public List<string> Precisions { get; } = new();
    public string? ComputeCapability { get; internal set; }
    public string? SourceUrl { get; internal set; }
}

/// <summary>What the catalogue knows of one model ID.</summary>
public sealed class ModelMatch
{
    public ModelMatch(string modelId, ModelFamily family, KnownModel? model, string matchedBy, bool derivative = false)
    {
        ModelId = modelId;
        Family = family;
        Model = model;
        MatchedBy = matchedBy;
        IsDerivative = derivative;
    }

    /// <summary>The model is a fine-tune or other derivative of the family's models (declared baseModel or a fine-tune name).</summary>
    public bool IsDerivative { get; }

    public string ModelId { get; }
    public ModelFamily Family { get; }
    public KnownModel? Model { get; }
    /// <summary>The exact id/alias or the pattern that matched.</summary>
    public string MatchedBy { get; }
    public string LicenceId => Model?.Licence ?? Family.Licence;
}
