using System;

namespace LicenceGuard.Hardware.Onnx;

public sealed class LoadCheckOptions
{
    public string ModelPath { get; init; } = string.Empty;

    /// <summary>Run on the CUDA execution provider (GPU <see cref="DeviceId"/>); false runs on the CPU.</summary>
    public bool Cuda { get; init; }

    /// <summary>Which GPU (CUDA device index) to load the model on.</summary>
    public int DeviceId { get; init; }

    /// <summary>Limit on loading and running the model once; a hung driver or runtime fails the check instead of the job.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(15);
}
