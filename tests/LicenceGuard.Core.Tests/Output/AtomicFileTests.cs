using LicenceGuard.Core.Output;

namespace LicenceGuard.Core.Tests.Output;

/// <summary>A write killed mid-way leaves its temporary file; the next write of the same output removes it.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lg-atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TemporaryFileOfAWriterThatIsGone_IsRemovedByTheNextWrite_ALiveWritersIsLeft()
    {
        var target = Path.Combine(_dir, "compliance-manifest.json");
        using var gone = System.Diagnostics.Process.Start("true")!;
        gone.WaitForExit();
        var killed = Path.Combine(_dir, $".compliance-manifest.json.{gone.Id}.0badc0de.tmp");
        var live = Path.Combine(_dir, $".compliance-manifest.json.{Environment.ProcessId}.0f00d000.tmp");
        var old = Path.Combine(_dir, ".compliance-manifest.json.0badc0de.tmp");
        var other = Path.Combine(_dir, $".compliance-report.html.{gone.Id}.0badc0de.tmp");
        foreach (var f in new[] { killed, live, old, other }) File.WriteAllBytes(f, new byte[1024]);
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow - AtomicFile.StaleAfter - TimeSpan.FromMinutes(1));

        Assert.True(AtomicFile.WriteIfChanged(target, "{}\n"));

        Assert.False(File.Exists(killed), "the writer is gone: its temporary file is a leftover");
        Assert.False(File.Exists(old), "older than any write takes");
        Assert.True(File.Exists(live), "a running writer's temporary file may be a parallel build's write in progress");
        Assert.True(File.Exists(other), "another output's leftovers are removed when that output is written");
        Assert.Equal("{}\n", File.ReadAllText(target));
        Assert.Equal(new[] { live, other }.Order(), Directory.GetFiles(_dir, ".*.tmp").Order());
    }
}
