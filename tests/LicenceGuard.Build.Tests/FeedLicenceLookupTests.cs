using System.IO.Compression;
using System.Text;
using LicenceGuard.Build.Dependencies;
using LicenceGuard.Core.Dependencies;
using NuGet.Configuration;

namespace LicenceGuard.Build.Tests;

/// <summary>The optional feed look-up, against a local folder feed (offline: NuGet.Protocol treats a folder as a source).</summary>
public sealed class FeedLicenceLookupTests : IDisposable
{
    private readonly string _feed = Path.Combine(Path.GetTempPath(), "licenceguard-feed-" + Guid.NewGuid().ToString("N"));

    public FeedLicenceLookupTests() => Directory.CreateDirectory(_feed);

    public void Dispose() => Directory.Delete(_feed, recursive: true);

    private void AddPackage(string id, string version, string licenceXml)
    {
        using var zip = ZipFile.Open(Path.Combine(_feed, $"{id}.{version}.nupkg"), ZipArchiveMode.Create);
        using var s = zip.CreateEntry(id + ".nuspec").Open();
        s.Write(Encoding.UTF8.GetBytes($"""
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata><id>{id}</id><version>{version}</version><authors>t</authors><description>d</description>{licenceXml}</metadata>
            </package>
            """));
    }

    [Fact]
    public void FeedHasExpression_DoesNotTrigger_ReturnsItParsed()
    {
        AddPackage("Acme.Lib", "1.0.0", "<license type=\"expression\">Apache-2.0</license>");
        using var lookup = new FeedLicenceLookup(new[] { new PackageSource(_feed, "local") }, TimeSpan.FromSeconds(30));
        var notes = new List<string>();
        var licence = lookup.Find("Acme.Lib", "1.0.0", notes.Add);
        Assert.NotNull(licence);
        Assert.True(licence!.FromFeed);
        Assert.Equal(LicenceSource.Expression, licence.Source);
        Assert.Equal("Apache-2.0", licence.Term?.ToString());
        Assert.Empty(notes);
    }

    [Fact]
    public void FeedLacksThePackage_Triggers_NullResult()
    {
        using var lookup = new FeedLicenceLookup(new[] { new PackageSource(_feed, "local") }, TimeSpan.FromSeconds(30));
        Assert.Null(lookup.Find("Acme.Absent", "1.0.0", _ => { }));
    }
}
