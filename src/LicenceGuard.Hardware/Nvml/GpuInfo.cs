namespace LicenceGuard.Hardware.Nvml;

/// <summary>One GPU as the driver reports it.</summary>
public sealed class GpuInfo
{
    public int Index { get; init; }
    public string Name { get; init; } = string.Empty;
    public string? Uuid { get; init; }
    public ulong MemoryTotalBytes { get; init; }
    public ulong MemoryFreeBytes { get; init; }
    public ulong MemoryUsedBytes { get; init; }
    /// <summary>CUDA compute capability, e.g. "9.0"; null when the driver does not say.</summary>
    public string? ComputeCapability { get; init; }
}
