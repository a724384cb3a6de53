namespace LicenceGuard.Core.Yaml;

/// <summary>
/// Bounds that keep hostile YAML (huge files, huge values, deep nesting, alias bombs) from exhausting the build or the
/// IDE. A real models.yaml or catalogue file is a few kilobytes with values of at most a few hundred characters; the
/// limits leave two orders of magnitude of room and keep the worst case of one parse under about 200 MB of memory
/// (the file, its text as UTF-16, and the located tree), which the tests measure.
/// </summary>
public sealed class YamlLimits
{
    public static readonly YamlLimits Default = new();

    public int MaxDepth { get; set; } = 64;

    /// <summary>YAML nodes (scalars, lists, mappings), aliases counted as the nodes they stand for.</summary>
    public int MaxNodes { get; set; } = 1_000_000;

    public long MaxBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Characters in one value (key or scalar).</summary>
    public int MaxScalarLength { get; set; } = 16 * 1024;
}
