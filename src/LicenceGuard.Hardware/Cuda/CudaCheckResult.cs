using System.Collections.Generic;

namespace LicenceGuard.Hardware.Cuda;

/// <summary>How far the load check got on the GPU; each level includes the ones before it.</summary>
public enum LoadLevel
{
    /// <summary>Nothing proven on a GPU.</summary>
    None,
    /// <summary>The weights and the KV cache were allocated on the GPU.</summary>
    Fits,
    /// <summary>The real weights were uploaded and the GPU's checksum of them equals the host's.</summary>
    WeightsResident,
    /// <summary>ONNX Runtime ran one inference of the model on the GPU.</summary>
    InferenceRan,
}

/// <summary>One weights file as it went to the GPU.</summary>
public sealed class UploadedFile
{
    public UploadedFile(string displayPath, long bytes)
    {
        DisplayPath = displayPath;
        Bytes = bytes;
    }

    public string DisplayPath { get; }
    public long Bytes { get; }
    /// <summary>SHA-256 of the bytes read for the upload (lower-case hex).</summary>
    public string? Sha256 { get; internal set; }
    public ulong? HostChecksum { get; internal set; }
    public ulong? GpuChecksum { get; internal set; }
    public bool? ChecksumsAgree => HostChecksum is ulong h && GpuChecksum is ulong g ? h == g : null;
}

/// <summary>What the CUDA driver said and what the load check proved: the facts of the attestation's GPU part.</summary>
public sealed class CudaCheckResult
{
    public bool Passed { get; internal set; }
    /// <summary>LG2007 (no usable GPU) or LG2008 (the check failed on the GPU) when it did not pass.</summary>
    public string? DiagnosticId { get; internal set; }
    public string? Error { get; internal set; }
    public LoadLevel Level { get; internal set; }

    public string? Library { get; internal set; }
    /// <summary>The CUDA version the driver implements, from cuDriverGetVersion ("12.4").</summary>
    public string? CudaDriverVersion { get; internal set; }
    public int DeviceIndex { get; internal set; }
    public string? DeviceName { get; internal set; }
    public string? ComputeCapability { get; internal set; }
    public long? MemoryTotalBytes { get; internal set; }
    public long? FreeBytesBefore { get; internal set; }
    /// <summary>Free memory with the weights and the KV cache allocated: what is left for activations and the runtime.</summary>
    public long? FreeBytesWithModel { get; internal set; }
    public long? KvCacheBytes { get; internal set; }
    public string? KvCacheFormula { get; internal set; }

    public List<UploadedFile> Files { get; } = new();
    public double? UploadSeconds { get; internal set; }
    public double? ChecksumSeconds { get; internal set; }
    public long UploadedBytes { get; internal set; }
    /// <summary>Read from disk and copied through pinned buffers, in GB/s (10^9 bytes): the pipeline's rate, not the bus's.</summary>
    public double? UploadGigabytesPerSecond => UploadSeconds is double s && s > 0 ? UploadedBytes / s / 1e9 : null;
    /// <summary>Host-to-device copies from pinned memory alone, in GB/s (the bus's rate); null for weights smaller than one chunk.</summary>
    public double? PinnedCopyGigabytesPerSecond { get; internal set; }

    public List<string> Notes { get; } = new();
}
