using System;
using System.IO;
using System.IO.Compression;
using LicenceGuard.Core.Weights;
using LicenceGuard.Hardware.Onnx;
using Xunit;

namespace LicenceGuard.Runtime.Tests.Weights;

/// <summary>Random damage to every format: inspection reports an error or a result, never lets an exception escape.</summary>
public sealed class CorruptionTests
{
    public static TheoryData<string, string> Files => new()
    {
        { "model.safetensors", "safetensors" },
        { "model.gguf", "gguf" },
        { "model.onnx", "onnx" },
        { "model.pt", "torch" },
    };

    private static byte[] Content(string kind) => kind switch
    {
        "safetensors" => TestModels.Safetensors(),
        "gguf" => TestModels.Gguf(),
        "onnx" => OnnxWriter.SampleAddModel(),
        _ => TestModels.TorchZip(),
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void RandomByteDamage_NeverThrows(string name, string kind)
    {
        using var dir = new TempFolder();
        var original = Content(kind);
        var random = new Random(name.Length * 31 + kind.Length);
        for (var n = 0; n < 200; n++)
        {
            var bytes = (byte[])original.Clone();
            for (var k = 0; k < 1 + n % 4; k++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            var path = dir.Write(name, bytes);
            var i = WeightsInspector.Inspect(path);
            Assert.True(i.Error != null || i.Format != WeightsFormat.Unknown || i.Unsafe || i.Tensors.Count == 0, $"damage {n} gave an unexplained result");
        }
    }

    [Fact]
    public void ZipWithoutPickle_IsRefusedAsUnknown()
    {
        using var dir = new TempFolder();
        using (var zip = ZipFile.Open(dir.File("bundle.zip"), ZipArchiveMode.Create))
        {
            using var s = zip.CreateEntry("config.json").Open();
            s.Write("{}"u8);
        }

        var i = WeightsInspector.Inspect(dir.File("bundle.zip"));

        Assert.True(i.Unsafe);
        Assert.Equal(WeightsFormat.Unknown, i.Format);
        Assert.Contains("no pickle", i.UnsafeReason);
    }

    [Fact]
    public void TruncatedZip_GivesClearError()
    {
        using var dir = new TempFolder();
        var i = WeightsInspector.Inspect(dir.Write("cut.pt", TestModels.TorchZip()[..20]));
        Assert.NotNull(i.Error);
        Assert.Contains("zip archive is truncated", i.Error);
    }
}
