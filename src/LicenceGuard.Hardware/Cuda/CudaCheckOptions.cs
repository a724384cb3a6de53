using System;
using System.Collections.Generic;

namespace LicenceGuard.Hardware.Cuda;

/// <summary>A weights file to upload: where it is, how models.yaml names it, and the SHA-256 it was checked against.</summary>
public sealed record WeightsToUpload(string FullPath, string DisplayPath, string? ExpectedSha256);

public sealed class CudaCheckOptions
{
    public int Device { get; init; }
    /// <summary>The driver library to load; null: <see cref="CudaDriver.LibraryVariable"/>, else the system's libcuda.so.1.</summary>
    public string? DriverLibrary { get; init; }
    public IReadOnlyList<WeightsToUpload> Files { get; init; } = Array.Empty<WeightsToUpload>();
    /// <summary>The KV cache the manifest's target needs (context × concurrency × layers × heads × precision); null: not sized.</summary>
    public long? KvCacheBytes { get; init; }
    public string? KvCacheFormula { get; init; }
    /// <summary>Limit on the whole check: a wedged driver or GPU fails the check instead of hanging the job.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>Size of each of the two pinned host buffers the upload alternates between.</summary>
    public int ChunkBytes { get; init; } = 64 << 20;
}
