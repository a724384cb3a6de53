using System.Collections.Generic;

namespace LicenceGuard.Core.Dependencies;

/// <summary>One package of the restore graph with what the audit found inside it.</summary>
public sealed class AuditedPackage
{
    public AuditedPackage(string id, string version, IReadOnlyList<string> path)
    {
        Id = id;
        Version = version;
        Path = path;
    }

    public string Id { get; }
    public string Version { get; }

    /// <summary>
    /// How it came in: the chain from a direct reference of the project down to this package, each as "Id Version";
    /// one item for a direct reference. The shortest such chain is kept.
    /// </summary>
    public IReadOnlyList<string> Path { get; }

    public bool IsDirect => Path.Count <= 1;

    public PackageLicence Licence { get; set; } = new();

    public List<PackageModelFile> ModelFiles { get; } = new();

    /// <summary>Why the package could not be read (not in any packages folder, unreadable nuspec); null when it was.</summary>
    public string? Problem { get; set; }

    public string Display => Id + " " + Version;

    public string DescribePath() => IsDirect ? "it is referenced directly" : "it comes in through " + string.Join(" → ", Path);
}

/// <summary>A model-weights file found inside a package.</summary>
public sealed class PackageModelFile
{
    public PackageModelFile(string path, string format, long size)
    {
        Path = path;
        Format = format;
        Size = size;
    }

    /// <summary>Path inside the package, with '/' separators (as in the nupkg).</summary>
    public string Path { get; }

    /// <summary>onnx, gguf, safetensors or pickle.</summary>
    public string Format { get; }

    public long Size { get; }
}
