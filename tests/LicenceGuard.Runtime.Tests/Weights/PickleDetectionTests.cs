using System;
using LicenceGuard.Core.Weights;
using Xunit;

namespace LicenceGuard.Runtime.Tests.Weights;

public sealed class PickleDetectionTests
{
    [Fact]
    public void RawPickleRenamedSafetensors_IsUnsafe()
    {
        using var dir = new TempFolder();
        var i = WeightsInspector.Inspect(dir.Write("model.safetensors", TestModels.RawPickle()));

        Assert.Equal(WeightsFormat.Pickle, i.Format);
        Assert.True(i.Unsafe);
        Assert.Contains("protocol 4", i.UnsafeReason);
        Assert.Null(i.Error);
    }

    [Fact]
    public void TorchZipRenamedSafetensors_IsUnsafe()
    {
        using var dir = new TempFolder();
        var i = WeightsInspector.Inspect(dir.Write("model.safetensors", TestModels.TorchZip()));

        Assert.Equal(WeightsFormat.Pickle, i.Format);
        Assert.True(i.Unsafe);
        Assert.Contains("archive/data.pkl", i.UnsafeReason);
    }

    [Fact]
    public void TorchZipAsPytorchModelBin_IsUnsafe()
    {
        using var dir = new TempFolder();
        var i = WeightsInspector.Inspect(dir.Write("pytorch_model.bin", TestModels.TorchZip()));
        Assert.True(i.Unsafe);
        Assert.Equal("pickle", i.Format.ToName());
    }

    [Fact]
    public void UnrecognisedContentUnderPickleExtension_IsRefused()
    {
        using var dir = new TempFolder();
        var i = WeightsInspector.Inspect(dir.Write("old.pt", "not a model, not a pickle either\n"));

        Assert.True(i.Unsafe);
        Assert.Equal(WeightsFormat.Unknown, i.Format);
    }

    [Fact]
    public void Safetensors_IsNotUnsafe()
    {
        using var dir = new TempFolder();
        var i = WeightsInspector.Inspect(dir.Write("model.bin", TestModels.Safetensors()));
        Assert.False(i.Unsafe);
        Assert.Equal(WeightsFormat.Safetensors, i.Format);
    }

    /// <summary>Pickles of every protocol as Python writes them: 0 and 1 have no header, only opcodes.</summary>
    public static readonly TheoryData<string, byte[]> Pickles = new()
    {
        // pickle.dumps(os.system('id')) as an attacker writes it, protocol 0: GLOBAL, MARK, STRING, TUPLE, REDUCE, STOP.
        { "protocol 0 (os.system)", "cos\nsystem\n(S'id'\ntR."u8.ToArray() },
        // pickle.dumps([1, 2], protocol=0)
        { "protocol 0 (list)", "(lp0\nI1\naI2\na."u8.ToArray() },
        // pickle.dumps({'w': 1.5}, protocol=1)
        { "protocol 1", new byte[] { (byte)'}', (byte)'q', 0, (byte)'X', 1, 0, 0, 0, (byte)'w', (byte)'q', 1, (byte)'G', 0x3f, 0xf8, 0, 0, 0, 0, 0, 0, (byte)'s', (byte)'.' } },
        { "protocol 2", new byte[] { 0x80, 2, (byte)']', (byte)'q', 0, (byte)'K', 1, (byte)'a', (byte)'.' } },
        { "protocol 3", new byte[] { 0x80, 3, (byte)'C', 2, (byte)'h', (byte)'i', (byte)'q', 0, (byte)'.' } },
        { "protocol 4", TestModels.RawPickle() },
        { "protocol 5", new byte[] { 0x80, 5, 0x95, 3, 0, 0, 0, 0, 0, 0, 0, (byte)'N', 0x94, (byte)'.' } },
        { "PyTorch zip", TestModels.TorchZip() },
    };

    [Theory]
    [MemberData(nameof(Pickles))]
    public void PickleOfAnyProtocol_UnderEveryExtension_IsUnsafe(string kind, byte[] content)
    {
        using var dir = new TempFolder();
        foreach (var extension in new[] { ".safetensors", ".gguf", ".onnx", ".h5", ".npy", ".weights", ".bin", ".pt", ".ckpt", ".model", "" })
        {
            var i = WeightsInspector.Inspect(dir.Write("model" + extension, content));
            Assert.True(i.Unsafe, $"{kind} as model{extension}: not flagged ({i.Format}, {i.Error})");
            Assert.Equal(WeightsFormat.Pickle, i.Format);
            Assert.Null(i.Error);
            Assert.True(PickleDetector.Holds(dir.File("model" + extension)), $"{kind} as model{extension}");
        }
    }

    [Theory]
    [InlineData("{\"architectures\": [\"LlamaForCausalLM\"]}\n")]
    [InlineData("# a README\nnot weights\n")]
    [InlineData("I1\nI2\n")]
    public void TextThatIsNoCompletePickle_IsNotCalledAPickle(string text)
    {
        using var dir = new TempFolder();
        Assert.False(PickleDetector.Holds(dir.Write("notes.weights", text)));
        Assert.NotEqual(WeightsFormat.Pickle, WeightsInspector.Inspect(dir.File("notes.weights")).Format);
    }

    [Fact]
    public void RealFormats_AreNotPickles()
    {
        using var dir = new TempFolder();
        Assert.False(PickleDetector.Holds(dir.Write("a.safetensors", TestModels.Safetensors())));
        Assert.False(PickleDetector.Holds(dir.Write("a.gguf", TestModels.Gguf())));
    }
}
