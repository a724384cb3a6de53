namespace LicenceGuard.Core.Weights;

public sealed class WeightsVerifierOptions
{
    /// <summary>Folder that relative weights paths are resolved against; default: the folder of models.yaml.</summary>
    public string? BaseDirectory { get; set; }

    /// <summary>The SHA-256 cache file (e.g. obj/licenceguard.weights-cache.json); null hashes every file every time.</summary>
    public string? CachePath { get; set; }

    /// <summary>Also hash files without a pinned sha256, so the report records what was built with.</summary>
    public bool HashUnpinned { get; set; } = true;

    public MemoryFitOptions MemoryFit { get; set; } = new();
}
