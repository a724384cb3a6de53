namespace LicenceGuard.Core.Yaml;

/// <summary>Bounds that keep hostile YAML (deep nesting, huge files) from exhausting the build or the IDE.</summary>
public sealed class YamlLimits
{
    public static readonly YamlLimits Default = new();

    public int MaxDepth { get; set; } = 64;

    public int MaxNodes { get; set; } = 20_000_000;

    public long MaxBytes { get; set; } = 256L * 1024 * 1024;
}
