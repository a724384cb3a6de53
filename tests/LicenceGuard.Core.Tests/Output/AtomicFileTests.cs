using LicenceGuard.Core.Output;

namespace LicenceGuard.Core.Tests.Output;

/// <summary>A write killed mid-way leaves its temporary file; the next write of the same output removes it.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lg-atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void StaleTemporaryFileOfAKilledWrite_IsRemovedByTheNextWrite_AFreshOneIsLeftToItsWriter()
    {
        var target = Path.Combine(_dir, "compliance-manifest.json");
        var stale = Path.Combine(_dir, ".compliance-manifest.json.0badc0de.tmp");
        var fresh = Path.Combine(_dir, ".compliance-manifest.json.0f00d000.tmp");
        var other = Path.Combine(_dir, ".compliance-report.html.0badc0de.tmp");
        foreach (var f in new[] { stale, fresh, other }) File.WriteAllBytes(f, new byte[1024]);
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow - AtomicFile.StaleAfter - TimeSpan.FromMinutes(1));
        File.SetLastWriteTimeUtc(other, DateTime.UtcNow - AtomicFile.StaleAfter - TimeSpan.FromMinutes(1));

        Assert.True(AtomicFile.WriteIfChanged(target, "{}\n"));

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh), "a temporary file this young may be a parallel build's write in progress");
        Assert.True(File.Exists(other), "another output's leftovers are removed when that output is written");
        Assert.Equal("{}\n", File.ReadAllText(target));
    }
}
