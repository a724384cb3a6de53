using System;

namespace LicenceGuard.Runtime.LoadCheck;

public sealed class LoadCheckOptions
{
    public string ModelPath { get; init; } = string.Empty;

    /// <summary>Run on the CPU when there is no GPU or no CUDA execution provider. Off by default: the check exists to prove the GPU path.</summary>
    public bool AllowCpu { get; init; }

    /// <summary>Which GPU (CUDA device index) to load the model on.</summary>
    public int DeviceId { get; init; }

    /// <summary>Limit on each NVML call (a wedged driver must not hang a CI job).</summary>
    public TimeSpan ProbeTimeout { get; init; } = Hardware.GpuProbe.DefaultTimeout;

    /// <summary>Limit on loading and running the model once; a hung driver or runtime fails the check instead of the job.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(15);
}
