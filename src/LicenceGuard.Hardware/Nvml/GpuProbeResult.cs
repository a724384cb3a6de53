using System.Collections.Generic;

namespace LicenceGuard.Hardware.Nvml;

/// <summary>What the NVIDIA driver reports, or why there is nothing to report (no driver, no GPU, no answer in time).</summary>
public sealed class GpuProbeResult
{
    public bool Available => Gpus.Count > 0;
    public List<GpuInfo> Gpus { get; } = new();
    public string? DriverVersion { get; init; }
    /// <summary>The CUDA version the driver supports, e.g. "12.4".</summary>
    public string? CudaDriverVersion { get; init; }
    public string? NvmlVersion { get; init; }
    /// <summary>Why no GPU is reported: "NVML library not found", "no NVIDIA GPU", "NVML did not answer within 10 s"…</summary>
    public string? Reason { get; init; }

    public static GpuProbeResult None(string reason) => new() { Reason = reason };
}
