using System.IO;

namespace LicenceGuard.Core;

/// <summary>models.yaml beside the project, else the nearest one up the tree (the same rule for build, CLI and IDE).</summary>
public static class ManifestLocator
{
    public const string FileName = "models.yaml";

    public static string? Find(string startDirectory)
    {
        var dir = new DirectoryInfo(startDirectory);
        while (dir != null)
        {
            var candidate = Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate)) return candidate;
            dir = dir.Parent;
        }
        return null;
    }
}
