using System;
using System.Linq;
using LicenceGuard.Hardware.Cuda;
using Xunit;

namespace LicenceGuard.Runtime.Tests.Hardware;

/// <summary>The host half of the GPU/host checksum agreement (the GPU half runs in the fake driver and on real GPUs).</summary>
public sealed class WeightsChecksumTests
{
    private static byte[] Bytes(int n) => Enumerable.Range(0, n).Select(i => (byte)(i * 7 + 3)).ToArray();

    [Fact]
    public void Chunks_AddUpToTheWhole_SoChunkedUploadsAgreeWithOnePass()
    {
        var data = Bytes(4096);

        var whole = WeightsChecksum.Host(data, 0);
        var parts = WeightsChecksum.Host(data.AsSpan(0, 1024), 0) + WeightsChecksum.Host(data.AsSpan(1024), 256);

        Assert.Equal(whole, parts);
    }

    [Fact]
    public void EverySingleBitFlip_ChangesIt()
    {
        var data = Bytes(64);
        var reference = WeightsChecksum.Host(data, 0);
        for (var bit = 0; bit < data.Length * 8; bit++)
        {
            var copy = (byte[])data.Clone();
            copy[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.NotEqual(reference, WeightsChecksum.Host(copy, 0));
        }
    }

    [Fact]
    public void SwappedWords_ChangeIt()
    {
        var data = Bytes(16);
        var swapped = data[4..8].Concat(data[0..4]).Concat(data[8..]).ToArray();

        Assert.NotEqual(WeightsChecksum.Host(data, 0), WeightsChecksum.Host(swapped, 0));
    }

    [Fact]
    public void PartialWords_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => WeightsChecksum.Host(new byte[5], 0));
    }

    [Fact]
    public void Kernel_IsPtxDeclaringTheEntryTheCheckLaunches()
    {
        var ptx = System.Text.Encoding.ASCII.GetString(WeightsChecksum.Ptx());

        Assert.StartsWith(".version 6.0\n.target sm_50\n.address_size 64", ptx);
        Assert.Contains(".visible .entry " + WeightsChecksum.KernelName + "(", ptx);
        Assert.Contains("0x9E3779B97F4A7C15U", ptx);
        Assert.Contains("0xFF51AFD7ED558CCDU", ptx);
        Assert.EndsWith("}\0", ptx);
    }
}
