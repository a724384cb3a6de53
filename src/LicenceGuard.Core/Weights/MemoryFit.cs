using System;
using System.Collections.Generic;
using System.Globalization;

namespace LicenceGuard.Core.Weights;

/// <summary>The assumptions behind the memory estimate; the defaults are deliberately simple and written into the report.</summary>
public sealed class MemoryFitOptions
{
    /// <summary>CUDA context, runtime libraries and allocator pools, per GPU.</summary>
    public long OverheadBytesPerGpu { get; set; } = 1L << 30;

    /// <summary>Activations and fragmentation, as a fraction of the weights.</summary>
    public double OverheadFractionOfWeights { get; set; } = 0.10;
}

/// <summary>
/// Does a model fit its target GPUs?
/// <code>
/// weights  = parameters × bytes per parameter of target.precision (fp32 4, bf16/fp16 2, fp8/int8 1, int4/fp4 0.5);
///            the tensor bytes as stored when no precision is declared or it is not one of those (GGUF quantisations)
/// kvCache  = 2 (K and V) × layers × key/value heads × head dimension × target.contextTokens × target.concurrency
///            × 2 bytes (16-bit cache; 4 for fp32)
/// overhead = count × OverheadBytesPerGpu + OverheadFractionOfWeights × weights
/// fits when weights + kvCache + overhead ≤ count × GPU memory (the catalogue's memoryBytes)
/// </code>
/// The KV cache is left out (and the report says so) when the layer and head figures are unknown or no context is declared.
/// </summary>
public sealed class MemoryFit
{
    public string ModelId { get; internal set; } = string.Empty;
    public string GpuId { get; internal set; } = string.Empty;
    public int GpuCount { get; internal set; }
    public long GpuBytes { get; internal set; }
    public long ParameterCount { get; internal set; }
    public long WeightsBytes { get; internal set; }
    public string WeightsBasis { get; internal set; } = "stored";
    public long? KvCacheBytes { get; internal set; }
    public string? KvCacheFormula { get; internal set; }
    public long OverheadBytes { get; internal set; }
    public List<string> Notes { get; } = new();

    public long AvailableBytes => GpuBytes * GpuCount;
    public long RequiredBytes => WeightsBytes + (KvCacheBytes ?? 0) + OverheadBytes;
    public bool Fits => RequiredBytes <= AvailableBytes;

    /// <summary>Bytes per parameter for the precisions a serving stack converts weights to; null for anything else.</summary>
    public static double? BytesPerParameter(string? precision) => precision?.Trim().ToLowerInvariant() switch
    {
        "fp64" or "float64" => 8,
        "fp32" or "float32" or "tf32" => 4,
        "bf16" or "fp16" or "float16" or "bfloat16" => 2,
        "fp8" or "int8" or "float8" => 1,
        "int4" or "fp4" or "nf4" or "mxfp4" or "nvfp4" => 0.5,
        _ => null,
    };

    public static MemoryFit Compute(string modelId, string gpuId, long gpuBytes, int count, string? precision,
        long? contextTokens, int concurrency, long parameterCount, long storedBytes, ModelShape shape, MemoryFitOptions options)
    {
        var fit = new MemoryFit { ModelId = modelId, GpuId = gpuId, GpuBytes = gpuBytes, GpuCount = count, ParameterCount = parameterCount };
        if (BytesPerParameter(precision) is double perParam && parameterCount > 0)
        {
            fit.WeightsBytes = (long)Math.Ceiling(parameterCount * perParam);
            fit.WeightsBasis = $"{parameterCount} parameters × {perParam.ToString(CultureInfo.InvariantCulture)} byte(s) ({precision})";
        }
        else
        {
            fit.WeightsBytes = storedBytes;
            fit.WeightsBasis = precision is null ? "tensor bytes as stored" : $"tensor bytes as stored ('{precision}' is not a precision LicenceGuard converts)";
        }

        if (contextTokens is not long ctx) fit.Notes.Add("KV cache not counted: target.contextTokens is not declared");
        else if (!shape.CanSizeKvCache) fit.Notes.Add("KV cache not counted: the number of layers and key/value heads is unknown (no GGUF metadata, config.json or genai_config.json)");
        else
        {
            var kvElement = string.Equals(precision, "fp32", StringComparison.OrdinalIgnoreCase) ? 4 : 2;
            var layers = shape.Layers!.Value;
            var heads = shape.EffectiveKeyValueHeads!.Value;
            var dim = shape.EffectiveHeadDim!.Value;
            try
            {
                fit.KvCacheBytes = checked(2L * layers * heads * dim * ctx * concurrency * kvElement);
            }
            catch (OverflowException)
            {
                fit.KvCacheBytes = long.MaxValue / 4;
            }
            fit.KvCacheFormula = $"2 × {layers} layers × {heads} KV heads × {dim} head dim × {ctx} tokens × {concurrency} concurrent × {kvElement} bytes";
            if (shape.ContextLength is long max && ctx > max) fit.Notes.Add($"target.contextTokens {ctx} exceeds the model's context length {max}");
        }
        fit.OverheadBytes = count * options.OverheadBytesPerGpu + (long)(fit.WeightsBytes * options.OverheadFractionOfWeights);
        return fit;
    }

    public static string GiB(long bytes) => (bytes / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB";

    public string Describe() =>
        $"needs {GiB(RequiredBytes)} (weights {GiB(WeightsBytes)} + KV cache {(KvCacheBytes is long kv ? GiB(kv) : "not counted")} + overhead {GiB(OverheadBytes)}) " +
        $"but {GpuCount} × {GpuId} has {GiB(AvailableBytes)}";
}
