using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Weights;
using Xunit;

namespace LicenceGuard.Runtime.Tests.Weights;

/// <summary>The weights check against tampering (a restored mtime) and against paths that are no regular file.</summary>
public sealed class TamperAndSpecialFileTests
{
    private static WeightsVerification Verify(TempFolder dir, string weightsPath, string? sha256 = null)
    {
        var manifest = dir.Write("models.yaml", "organisation: { commercial: true }\nmodels:\n  - id: test/tiny\n    licence: MIT\n    weights:\n" +
            $"      - path: {weightsPath}\n" + (sha256 is null ? string.Empty : $"        sha256: {sha256}\n"));
        var read = ManifestReader.ReadFile(manifest);
        var options = new WeightsVerifierOptions { CachePath = dir.File("obj/weights-cache.json") };
        var task = Task.Run(() => WeightsVerifier.Verify(read.Manifest!, CatalogueLoader.LoadEmbedded(), options));
        Assert.True(task.Wait(TimeSpan.FromSeconds(10)), "the weights check did not return (a FIFO or device was read)");
        return task.Result;
    }

    [Fact]
    public void ChangedByte_WithMtimeRestoredByTouch_TriggersLG2001()
    {
        using var dir = new TempFolder();
        var path = dir.Write("model.safetensors", TestModels.Safetensors());
        var sha = FileHasher.Sha256(path);
        Assert.Empty(Verify(dir, "model.safetensors", sha).Findings);
        var cached = Verify(dir, "model.safetensors", sha);
        Assert.Equal(0, cached.FilesHashed);

        // Remember the mtime with touch, flip a tensor byte (the header stays valid), put the mtime back: size and
        // mtime are what they were, so only the change time and inode tell.
        var reference = TempFolder.Tool("touch", "-r", path, dir.File("mtime-reference"));
        Thread.Sleep(50);
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Seek(-1, SeekOrigin.End);
            var last = stream.ReadByte();
            stream.Seek(-1, SeekOrigin.End);
            stream.WriteByte((byte)(last ^ 0xFF));
        }
        TempFolder.Tool("touch", "-r", reference, path);
        Assert.Equal(File.GetLastWriteTimeUtc(reference), File.GetLastWriteTimeUtc(path));

        var tampered = Verify(dir, "model.safetensors", sha);
        Assert.Equal(1, tampered.FilesHashed);
        Assert.Equal(DiagnosticIds.WeightsHashMismatch, Assert.Single(tampered.Findings).Id);
    }

    [Fact]
    public void FifoAsWeightsPath_TriggersLG2002_WithoutBlocking()
    {
        using var dir = new TempFolder();
        dir.Fifo("model.gguf");
        var f = Assert.Single(Verify(dir, "model.gguf", new string('a', 64)).Findings);
        Assert.Equal(DiagnosticIds.WeightsFileMissing, f.Id);
        Assert.Equal(6, f.Location.Line);
        Assert.Contains("is not a regular file: the path is a FIFO, socket or device", f.Message);
    }

    [Fact]
    public void DevZeroAsWeightsPath_TriggersLG2002_WithoutReadingForever()
    {
        using var dir = new TempFolder();
        var f = Assert.Single(Verify(dir, "/dev/zero", new string('a', 64)).Findings);
        Assert.Equal(DiagnosticIds.WeightsFileMissing, f.Id);
        Assert.Contains("'/dev/zero' of model 'test/tiny' is not a regular file", f.Message);
    }
}
