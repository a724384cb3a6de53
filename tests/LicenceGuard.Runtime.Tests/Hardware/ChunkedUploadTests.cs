using System;
using System.IO;
using System.Linq;
using LicenceGuard.Core.Weights;
using LicenceGuard.Hardware.Cuda;
using LicenceGuard.Runtime.Tests.Hardware.FakeDriver;
using Xunit;

namespace LicenceGuard.Runtime.Tests.Hardware;

/// <summary>The upload's chunking, in process: many chunks through the two pinned buffers, and a last partial word.</summary>
public sealed class ChunkedUploadTests
{
    [Fact]
    public void ManyChunks_AndAPartialLastWord_LandIntact_AsOnePassOverTheFileSays()
    {
        using var dir = new TempFolder();
        var bytes = Enumerable.Range(0, 10_001).Select(i => (byte)(i * 31 + 7)).ToArray();
        var path = dir.Write("weights.bin", bytes);

        var result = CudaLoadCheck.Run(new CudaCheckOptions
        {
            DriverLibrary = FakeCuda.Library,
            Files = new[] { new WeightsToUpload(path, "weights.bin", FileHasher.Sha256(path)) },
            KvCacheBytes = 4096,
            ChunkBytes = 1024,
        });

        Assert.True(result.Passed, result.Error);
        Assert.Equal(LoadLevel.WeightsResident, result.Level);
        var file = Assert.Single(result.Files);
        Assert.Equal(10_001, file.Bytes);
        Assert.Equal(FileHasher.Sha256(path), file.Sha256);
        var padded = bytes.Concat(new byte[3]).ToArray();
        Assert.Equal(WeightsChecksum.Host(padded, 0), file.HostChecksum);
        Assert.True(file.ChecksumsAgree);
        Assert.Equal(10_001, result.UploadedBytes);
        Assert.True(result.PinnedCopyGigabytesPerSecond > 0);   // measured with 8 chunk-sized copies before the upload overwrote them
        Assert.Equal((80L << 30) - 10_004 - 4096, result.FreeBytesWithModel);
    }

    [Fact]
    public void FileChangedSinceItWasHashed_Triggers_LG2008()
    {
        using var dir = new TempFolder();
        var path = dir.Write("weights.bin", new byte[64]);

        var result = CudaLoadCheck.Run(new CudaCheckOptions
        {
            DriverLibrary = FakeCuda.Library,
            Files = new[] { new WeightsToUpload(path, "weights.bin", new string('a', 64)) },
        });

        Assert.False(result.Passed);
        Assert.Equal("LG2008", result.DiagnosticId);
        Assert.Contains("'weights.bin' changed while it was checked", result.Error);
    }

    [Fact]
    public void Fifo_IsRefusedBeforeItIsOpened_InsteadOfBlocking()
    {
        using var dir = new TempFolder();
        var path = dir.File("weights.fifo");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", path)) mkfifo.WaitForExit();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = CudaLoadCheck.Run(new CudaCheckOptions
        {
            DriverLibrary = FakeCuda.Library,
            Files = new[] { new WeightsToUpload(path, "weights.fifo", null) },
            Timeout = TimeSpan.FromSeconds(30),
        });

        Assert.False(result.Passed);
        Assert.Equal("LG2008", result.DiagnosticId);
        Assert.Equal("weights file 'weights.fifo' is empty or not a regular file (a FIFO or a device)", result.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }
}
