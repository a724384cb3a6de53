using System.IO.Compression;
using LicenceGuard.Build.Dependencies;

namespace LicenceGuard.Build.Tests;

public sealed class ModelFileSnifferTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "licenceguard-sniff-" + Guid.NewGuid().ToString("N"));

    public ModelFileSnifferTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public void RawPickleBin_Triggers() => Assert.Equal("pickle", ModelFileSniffer.Sniff("model.bin", Write("model.bin", new byte[] { 0x80, 0x04, 0x95 })));

    [Fact]
    public void TorchZipWithDataPkl_Triggers()
    {
        var path = Path.Combine(_dir, "model.pt");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        using (var s = zip.CreateEntry("archive/data.pkl").Open()) s.Write(new byte[] { 0x80, 0x02, 0x2e });
        Assert.Equal("pickle", ModelFileSniffer.Sniff("model.pt", path));
    }

    [Fact]
    public void ZipWithoutPickle_DoesNotTrigger()
    {
        var path = Path.Combine(_dir, "data.bin");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        using (var s = zip.CreateEntry("readme.txt").Open()) s.Write("hi"u8);
        Assert.Null(ModelFileSniffer.Sniff("data.bin", path));
    }

    [Theory]
    [InlineData("weights.dat")]
    [InlineData("model.h5")]
    [InlineData("model.npy")]
    [InlineData("model.bin")]
    public void ProtocolZeroPickle_UnderAnyExtension_Triggers(string name) =>
        Assert.Equal("pickle", ModelFileSniffer.Sniff(name, Write(name, "cos\nsystem\n(S'id'\ntR."u8.ToArray())));

    [Fact]
    public void TextFile_DoesNotTrigger() => Assert.Null(ModelFileSniffer.Sniff("readme.txt", Write("readme.txt", "# LicenceGuard\n"u8.ToArray())));

    [Fact]
    public void NativeBin_DoesNotTrigger() => Assert.Null(ModelFileSniffer.Sniff("kernels.bin", Write("kernels.bin", new byte[] { 0x7f, 0x45, 0x4c, 0x46 })));

    [Fact]
    public void TruncatedZipHeader_DoesNotTrigger_NeverThrows() => Assert.Null(ModelFileSniffer.Sniff("x.pth", Write("x.pth", new byte[] { 0x50, 0x4b, 3, 4, 0 })));

    [Theory]
    [InlineData("models/tokenizer.onnx")]
    [InlineData("models/vocab.safetensors")]
    [InlineData("tokenizer.json")]
    [InlineData("lib/net8.0/Acme.dll")]
    public void TokenizerOrOtherFile_DoesNotTrigger(string name) => Assert.Null(ModelFileSniffer.Sniff(name, Path.Combine(_dir, "absent")));

    [Theory]
    [InlineData("models/phi.onnx", "onnx")]
    [InlineData("models/llama.Q4_K_M.gguf", "gguf")]
    [InlineData("model.safetensors", "safetensors")]
    public void WeightsExtension_Triggers(string name, string format) => Assert.Equal(format, ModelFileSniffer.Sniff(name, Path.Combine(_dir, "absent")));
}
