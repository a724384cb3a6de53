using System;
using System.Linq;
using LicenceGuard.Core.Weights;
using Xunit;

namespace LicenceGuard.Runtime.Tests.Weights;

public sealed class GgufInspectionTests
{
    [Fact]
    public void ValidV3_ReadsParametersTypesBytesAndShape()
    {
        using var dir = new TempFolder();
        var i = WeightsInspector.Inspect(dir.Write("tiny.gguf", TestModels.Gguf()));

        Assert.Null(i.Error);
        Assert.Equal(WeightsFormat.Gguf, i.Format);
        Assert.Equal(32 + 64, i.ParameterCount);
        Assert.Equal(128 + 68, i.TensorBytes);          // F32 8×4 = 128 bytes; Q8_0 64 elements = 2 blocks × 34
        Assert.Equal(new[] { "F32", "Q8_0" }, i.ParametersByDtype.Keys.ToArray());
        Assert.Equal("3", i.Details["ggufVersion"]);
        Assert.Equal("tiny-test", i.Details["name"]);
        Assert.Equal("llama", i.Shape.Architecture);
        Assert.Equal(2, i.Shape.Layers);
        Assert.Equal(2, i.Shape.EffectiveKeyValueHeads);
        Assert.Equal(8, i.Shape.EffectiveHeadDim);       // 32 hidden / 4 heads
        Assert.Equal(128, i.Shape.ContextLength);
    }

    [Fact]
    public void Version2_IsRead()
    {
        using var dir = new TempFolder();
        var i = WeightsInspector.Inspect(dir.Write("v2.gguf", TestModels.Gguf(version: 2)));
        Assert.Null(i.Error);
        Assert.Equal("2", i.Details["ggufVersion"]);
    }

    [Fact]
    public void Version1_GivesClearError()
    {
        using var dir = new TempFolder();
        var i = WeightsInspector.Inspect(dir.Write("v1.gguf", TestModels.Gguf(version: 1)));
        Assert.Contains("version 1 is not supported", i.Error);
    }

    [Fact]
    public void EveryTruncation_GivesClearErrorNotException()
    {
        using var dir = new TempFolder();
        foreach (var prefix in TestModels.Prefixes(TestModels.Gguf()))
        {
            var i = WeightsInspector.Inspect(dir.Write("cut.gguf", prefix));
            Assert.False(i.Error is null, $"a {prefix.Length}-byte prefix was accepted");
        }
    }

    [Fact]
    public void HugeCounts_GiveClearErrorWithoutAllocating()
    {
        using var dir = new TempFolder();
        var bytes = TestModels.Gguf();
        BitConverter.GetBytes(ulong.MaxValue / 2).CopyTo(bytes, 8);     // tensor count
        var i = WeightsInspector.Inspect(dir.Write("count.gguf", bytes));
        Assert.Contains("cannot fit", i.Error);
    }

    [Fact]
    public void HugeStringLength_GivesClearError()
    {
        using var dir = new TempFolder();
        var bytes = TestModels.Gguf();
        BitConverter.GetBytes(1UL << 50).CopyTo(bytes, 24);             // length of the first key
        var i = WeightsInspector.Inspect(dir.Write("string.gguf", bytes));
        Assert.NotNull(i.Error);
        Assert.Contains("GGUF", i.Error);
    }

    [Fact]
    public void CorruptedBytes_NeverThrow()
    {
        using var dir = new TempFolder();
        var original = TestModels.Gguf();
        var random = new Random(6);
        for (var n = 0; n < 300; n++)
        {
            var bytes = (byte[])original.Clone();
            bytes[4 + random.Next(bytes.Length - 4)] = (byte)random.Next(256);
            var i = WeightsInspector.Inspect(dir.Write("flip.gguf", bytes));
            Assert.Equal(WeightsFormat.Gguf, i.Format);    // decided by the magic, whatever else broke
        }
    }
}
