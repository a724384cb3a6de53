using System.Collections.Generic;
using LicenceGuard.Hardware.Cuda;
using LicenceGuard.Hardware.Nvml;
using LicenceGuard.Hardware.Onnx;

namespace LicenceGuard.Hardware.Verb;

/// <summary>The outcome of checking one model on this machine: what the attestation records.</summary>
public sealed class ModelCheck
{
    public ModelCheck(string modelId, string tool, IReadOnlyList<WeightsToUpload> files)
    {
        ModelId = modelId;
        Tool = tool;
        Files = files;
    }

    public string ModelId { get; }
    /// <summary>The declared weights files, with the SHA-256 they were checked against before any upload.</summary>
    public IReadOnlyList<WeightsToUpload> Files { get; internal set; }
    /// <summary>The program that ran the check: licenceguard or licenceguard-hw.</summary>
    public string Tool { get; }
    public bool Passed => DiagnosticId is null;
    public string? DiagnosticId { get; private set; }
    public string? Error { get; private set; }
    public LoadLevel Level { get; internal set; }
    /// <summary>The CUDA driver check; null when it was not tried.</summary>
    public CudaCheckResult? Gpu { get; internal set; }
    /// <summary>ONNX Runtime's inference; null when the weights are not ONNX or no inference was tried.</summary>
    public LoadCheckResult? Inference { get; internal set; }
    /// <summary>NVML's view (driver version), which the CUDA driver API does not give.</summary>
    public GpuProbeResult? Nvml { get; internal set; }
    public List<string> Notes { get; } = new();

    internal ModelCheck Fail(string id, string error)
    {
        DiagnosticId = id;
        Error = error;
        return this;
    }
}
