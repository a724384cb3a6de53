using System.Reflection;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.Tests.Catalogue;

/// <summary>The repository's rules/ folder, read as files (the catalogue tests check the data, not only the embedded copy).</summary>
internal static class RulesFolder
{
    public static readonly string Root = FindRoot();

    public static IEnumerable<string> LicenceFiles => Directory.GetFiles(Path.Combine(Root, "licences"), "*.yaml").OrderBy(f => f, StringComparer.Ordinal);

    public static IEnumerable<string> ModelFiles => Directory.GetFiles(Path.Combine(Root, "models"), "*.yaml").OrderBy(f => f, StringComparer.Ordinal);

    public static YMapping Read(string file)
    {
        var node = YamlTreeReader.ReadFile(file, out var error);
        Assert.True(error is null, error?.ToString());
        return Assert.IsType<YMapping>(node);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "rules", "README.md"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("rules/ not found above " + AppContext.BaseDirectory), "rules");
    }
}
