using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenceGuard.Core.Weights;

/// <summary>What the header of one weights file says, read without loading the tensors.</summary>
public sealed class WeightsInspection
{
    public WeightsInspection(string path, WeightsFormat format, long fileBytes)
    {
        Path = path;
        Format = format;
        FileBytes = fileBytes;
    }

    public string Path { get; }
    public WeightsFormat Format { get; internal set; }
    public long FileBytes { get; }
    public List<TensorInfo> Tensors { get; } = new();

    /// <summary>True when loading the file runs code (pickle, torch zip), or its content cannot be told apart from that.</summary>
    public bool Unsafe { get; internal set; }
    public string? UnsafeReason { get; internal set; }

    /// <summary>Why the header could not be read (truncated, corrupt, out of bounds); null when it was read.</summary>
    public string? Error { get; internal set; }

    /// <summary>Format details: GGUF version, ONNX IR version and producer, safetensors metadata…</summary>
    public SortedDictionary<string, string> Details { get; } = new(StringComparer.Ordinal);

    /// <summary>Files an ONNX model keeps its tensors in (external data), relative to the model file.</summary>
    public SortedSet<string> ExternalDataFiles { get; } = new(StringComparer.Ordinal);

    public ModelShape Shape { get; } = new();

    /// <summary>SHA-256 of the whole file (lower-case hex), when it was computed.</summary>
    public string? Sha256 { get; set; }

    public long ParameterCount => Tensors.Sum(t => t.Elements);

    /// <summary>Bytes of tensor data, from the header's declared types and shapes (the file's size minus headers).</summary>
    public long TensorBytes
    {
        get
        {
            if (TensorBytesOverride is long b) return b;
            return Tensors.Sum(t => t.Bytes ?? 0);
        }
    }

    /// <summary>Set when some tensors have a data type of unknown size, so the sum comes from the data section's size.</summary>
    internal long? TensorBytesOverride { get; set; }

    /// <summary>Parameter count per data type, e.g. BF16 → 8030261248.</summary>
    public SortedDictionary<string, long> ParametersByDtype
    {
        get
        {
            var result = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var t in Tensors)
                result[t.Dtype] = (result.TryGetValue(t.Dtype, out var n) ? n : 0) + t.Elements;
            return result;
        }
    }

    public bool IsReadable => Error is null;
}
