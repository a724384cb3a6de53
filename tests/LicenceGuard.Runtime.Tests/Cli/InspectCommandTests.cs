using System.Text.Json;
using LicenceGuard.Runtime.Tests.Weights;
using Xunit;

namespace LicenceGuard.Runtime.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public sealed class InspectCommandTests
{
    [Fact]
    public void Safetensors_Json_HasFormatParametersBytesDtypesShaAndUnsafe()
    {
        using var dir = new TempFolder();
        var path = dir.Write("model.safetensors", TestModels.Safetensors());

        var (code, stdout, _) = ConsoleCapture.Run("inspect", path, "--format", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("safetensors", root.GetProperty("format").GetString());
        Assert.Equal(10, root.GetProperty("parameterCount").GetInt64());
        Assert.Equal(32, root.GetProperty("bytes").GetInt64());
        Assert.Equal(6, root.GetProperty("dtypes").GetProperty("F32").GetInt64());
        Assert.Equal(64, root.GetProperty("sha256").GetString()!.Length);
        Assert.False(root.GetProperty("unsafe").GetBoolean());
    }

    [Fact]
    public void RenamedPickle_Triggers_ExitOneWithLG2003()
    {
        using var dir = new TempFolder();
        var path = dir.Write("model.safetensors", TestModels.TorchZip());

        var (code, stdout, stderr) = ConsoleCapture.Run("inspect", path);

        Assert.Equal(1, code);
        Assert.Contains("format:         pickle", stdout);
        Assert.Contains("unsafe:         true", stdout);
        Assert.Contains("error LG2003", stderr);
    }

    [Fact]
    public void TruncatedGguf_Triggers_ExitOneWithLG2006()
    {
        using var dir = new TempFolder();
        var path = dir.Write("cut.gguf", TestModels.Gguf()[..100]);

        var (code, _, stderr) = ConsoleCapture.Run("inspect", path, "--no-hash");

        Assert.Equal(1, code);
        Assert.Contains("error LG2006", stderr);
        Assert.DoesNotContain("   at ", stderr);   // no stack trace
    }

    [Fact]
    public void MissingFile_ExitsTwo()
    {
        var (code, _, stderr) = ConsoleCapture.Run("inspect", "/nonexistent/model.gguf");
        Assert.Equal(2, code);
        Assert.Contains("LG2002", stderr);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("fifo")]
    public async System.Threading.Tasks.Task SpecialFile_Triggers_ExitTwo_WithoutBlocking(string which)
    {
        using var dir = new TempFolder();
        var path = which == "fifo" ? dir.Fifo("model.safetensors") : which;
        var run = System.Threading.Tasks.Task.Run(() => ConsoleCapture.Run("inspect", path));
        Assert.Same(run, await System.Threading.Tasks.Task.WhenAny(run, System.Threading.Tasks.Task.Delay(System.TimeSpan.FromSeconds(10))));
        var (code, _, stderr) = await run;
        Assert.Equal(2, code);
        Assert.Contains($"{path}: error LG2002: the path is a FIFO, socket or device, not a regular file", stderr);
    }
}
