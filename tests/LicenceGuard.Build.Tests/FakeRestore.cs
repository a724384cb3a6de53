using System.Text;
using System.Text.Json;

namespace LicenceGuard.Build.Tests;

/// <summary>
/// A fake restore on disk: a global packages folder laid out as NuGet lays it out (id/version/id.nuspec and files) and
/// a project.assets.json that names the packages, their dependencies and the project's direct references.
/// </summary>
internal sealed class FakeRestore : IDisposable
{
    private readonly List<(string Id, string Version, string[] Dependencies, string[] Files, bool RuntimeOnly)> _packages = new();
    private readonly List<string> _direct = new();

    public FakeRestore()
    {
        Root = Path.Combine(Path.GetTempPath(), "licenceguard-build-tests-" + Guid.NewGuid().ToString("N"));
        PackagesFolder = Path.Combine(Root, "packages");
        Directory.CreateDirectory(PackagesFolder);
    }

    public string Root { get; }
    public string PackagesFolder { get; }
    public string AssetsFile => Path.Combine(Root, "obj", "project.assets.json");
    public string ReportPath => Path.Combine(Root, "obj", "licenceguard", "dependencies.json");
    public string StampPath => Path.Combine(Root, "obj", "licenceguard", "dependencies.stamp");
    public string ManifestPath => Path.Combine(Root, "models.yaml");

    /// <param name="licenceXml">The nuspec's licence element(s), e.g. <c>&lt;license type="expression"&gt;MIT&lt;/license&gt;</c>.</param>
    /// <param name="runtimeOnly">Only in the runtime-specific target (net8.0/linux-x64), as runtime.* packages are.</param>
    public FakeRestore Package(string id, string licenceXml, string[]? dependencies = null, Dictionary<string, byte[]>? files = null, bool direct = false,
        bool runtimeOnly = false)
    {
        const string version = "1.0.0";
        var folder = Path.Combine(PackagesFolder, id.ToLowerInvariant(), version);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, id.ToLowerInvariant() + ".nuspec"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata>
                <id>{id}</id>
                <version>{version}</version>
                <authors>tests</authors>
                <description>fake</description>
                {licenceXml}
              </metadata>
            </package>
            """);
        var names = new List<string> { id.ToLowerInvariant() + ".nuspec" };
        foreach (var file in files ?? new Dictionary<string, byte[]>())
        {
            var path = Path.Combine(folder, file.Key.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Value);
            names.Add(file.Key);
        }
        _packages.Add((id, version, dependencies ?? Array.Empty<string>(), names.ToArray(), runtimeOnly));
        if (direct) _direct.Add(id);
        return this;
    }

    public FakeRestore Manifest(string yaml)
    {
        File.WriteAllText(ManifestPath, yaml);
        return this;
    }

    /// <summary>Writes project.assets.json (lock file format 3, as restore writes it).</summary>
    public FakeRestore WriteAssets()
    {
        var targets = new Dictionary<string, object>();
        var runtimeTargets = new Dictionary<string, object>();
        var libraries = new Dictionary<string, object>();
        foreach (var p in _packages)
        {
            var entry = new Dictionary<string, object>
            {
                ["type"] = "package",
                ["dependencies"] = p.Dependencies.ToDictionary(d => d, _ => "1.0.0"),
            };
            if (!p.RuntimeOnly) targets[$"{p.Id}/{p.Version}"] = entry;
            runtimeTargets[$"{p.Id}/{p.Version}"] = entry;
            libraries[$"{p.Id}/{p.Version}"] = new Dictionary<string, object>
            {
                ["sha512"] = "AAAA",
                ["type"] = "package",
                ["path"] = $"{p.Id.ToLowerInvariant()}/{p.Version}",
                ["files"] = p.Files,
            };
        }
        var assets = new Dictionary<string, object>
        {
            ["version"] = 3,
            ["targets"] = new Dictionary<string, object> { ["net8.0"] = targets, ["net8.0/linux-x64"] = runtimeTargets },
            ["libraries"] = libraries,
            ["projectFileDependencyGroups"] = new Dictionary<string, object> { ["net8.0"] = _direct.Select(d => d + " >= 1.0.0").ToArray() },
            ["packageFolders"] = new Dictionary<string, object> { [PackagesFolder + Path.DirectorySeparatorChar] = new Dictionary<string, object>() },
        };
        Directory.CreateDirectory(Path.GetDirectoryName(AssetsFile)!);
        File.WriteAllText(AssetsFile, JsonSerializer.Serialize(assets, new JsonSerializerOptions { WriteIndented = true }), Encoding.UTF8);
        return this;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
