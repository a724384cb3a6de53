namespace LicenceGuard.Core.Weights;

/// <summary>
/// The transformer figures that size the KV cache, read from the weights' own metadata (GGUF keys) or from the
/// configuration beside them (Hugging Face config.json, ONNX Runtime GenAI genai_config.json). Null when unknown.
/// </summary>
public sealed class ModelShape
{
    public string? Architecture { get; set; }
    public long? Layers { get; set; }
    public long? AttentionHeads { get; set; }
    /// <summary>Key/value heads (grouped-query attention); equals <see cref="AttentionHeads"/> for plain multi-head attention.</summary>
    public long? KeyValueHeads { get; set; }
    public long? HeadDim { get; set; }
    public long? HiddenSize { get; set; }
    public long? ContextLength { get; set; }
    /// <summary>Where the figures came from: "gguf", "config.json", "genai_config.json".</summary>
    public string? Source { get; set; }

    /// <summary>Key/value heads, falling back to attention heads (no grouped-query attention declared).</summary>
    public long? EffectiveKeyValueHeads => KeyValueHeads ?? AttentionHeads;

    /// <summary>Head dimension, falling back to hidden size / attention heads.</summary>
    public long? EffectiveHeadDim => HeadDim ?? (HiddenSize is long h && AttentionHeads is long a && a > 0 ? h / a : null);

    public bool CanSizeKvCache => Layers is > 0 && EffectiveKeyValueHeads is > 0 && EffectiveHeadDim is > 0;

    public void FillFrom(ModelShape other)
    {
        Architecture ??= other.Architecture;
        Layers ??= other.Layers;
        AttentionHeads ??= other.AttentionHeads;
        KeyValueHeads ??= other.KeyValueHeads;
        HeadDim ??= other.HeadDim;
        HiddenSize ??= other.HiddenSize;
        ContextLength ??= other.ContextLength;
        Source ??= other.Source;
    }
}
