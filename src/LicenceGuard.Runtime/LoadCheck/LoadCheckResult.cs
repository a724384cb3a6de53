using System.Collections.Generic;
using LicenceGuard.Runtime.Hardware;

namespace LicenceGuard.Runtime.LoadCheck;

/// <summary>What happened when the model was loaded and run once: the facts a hardware attestation records.</summary>
public sealed class LoadCheckResult
{
    public string ModelPath { get; init; } = string.Empty;
    public bool Passed { get; internal set; }
    /// <summary>LG2007 (no GPU) or LG2008 (load or run failed) when the check did not pass.</summary>
    public string? DiagnosticId { get; internal set; }
    public string? Error { get; internal set; }
    /// <summary>The execution provider the session ran on: CUDAExecutionProvider or CPUExecutionProvider.</summary>
    public string? Provider { get; internal set; }
    public string? OnnxRuntimeVersion { get; internal set; }
    public List<string> AvailableProviders { get; } = new();
    public double? LoadMilliseconds { get; internal set; }
    public double? FirstInferenceMilliseconds { get; internal set; }
    /// <summary>Free memory of the GPU before loading and after the first inference (NVML; device-wide, so other processes count too).</summary>
    public ulong? DeviceFreeBytesBefore { get; internal set; }
    public ulong? DeviceFreeBytesAfter { get; internal set; }
    public long? DeviceMemoryUsedBytes => DeviceFreeBytesBefore is ulong b && DeviceFreeBytesAfter is ulong a ? (long)b - (long)a : null;
    public List<TensorDescription> Inputs { get; } = new();
    public List<TensorDescription> Outputs { get; } = new();
    public List<string> Notes { get; } = new();
    public GpuProbeResult? Gpu { get; internal set; }
}

public sealed class TensorDescription
{
    public TensorDescription(string name, string elementType, long[] shape)
    {
        Name = name;
        ElementType = elementType;
        Shape = shape;
    }

    public string Name { get; }
    public string ElementType { get; }
    public long[] Shape { get; }
}
