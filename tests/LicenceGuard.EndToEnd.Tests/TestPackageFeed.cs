using System.IO.Compression;
using System.Security;
using System.Text;

namespace LicenceGuard.EndToEnd.Tests;

/// <summary>
/// A folder feed of tiny packages written by the test itself (a nupkg is a zip with a nuspec), so that a deny-listed
/// licence or a model file inside a package can be restored offline. Versions carry the run's unique version, so the
/// global packages folder never hands back a package from an earlier run.
/// </summary>
public sealed class TestPackageFeed
{
    public TestPackageFeed(string directory, string version)
    {
        Directory = directory;
        Version = version;
        System.IO.Directory.CreateDirectory(directory);
    }

    public string Directory { get; }
    public string Version { get; }

    /// <param name="licence">Inner XML of the nuspec's licence data, e.g. <c>&lt;license type="expression"&gt;MIT&lt;/license&gt;</c>.</param>
    public void Add(string id, string licence, IEnumerable<string>? dependencies = null, IReadOnlyDictionary<string, byte[]>? files = null)
    {
        var deps = string.Concat((dependencies ?? Array.Empty<string>()).Select(d => $"<dependency id=\"{SecurityElement.Escape(d)}\" version=\"{Version}\" />"));
        var nuspec = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata>
                <id>{id}</id>
                <version>{Version}</version>
                <authors>LicenceGuard tests</authors>
                <description>Test package {id}</description>
                {licence}
                <dependencies><group targetFramework="net8.0">{deps}</group></dependencies>
                <contentFiles><files include="**/*.onnx" buildAction="None" copyToOutput="true" /></contentFiles>
              </metadata>
            </package>
            """;
        var path = Path.Combine(Directory, $"{id}.{Version}.nupkg");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Write(zip, id + ".nuspec", Encoding.UTF8.GetBytes(nuspec));
        foreach (var file in files ?? new Dictionary<string, byte[]>()) Write(zip, file.Key, file.Value);
    }

    /// <summary>A nuget.config with the LicenceGuard feed and this one (every other source from the machine's configuration).</summary>
    public string NuGetConfig(string licenceGuardFeed) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="licenceguard-e2e" value="{licenceGuardFeed}" />
            <add key="licenceguard-e2e-packages" value="{Directory}" />
          </packageSources>
        </configuration>
        """;

    private static void Write(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(content);
    }
}
