using System.Diagnostics;
using System.Text;

namespace LicenceGuard.Cli.Tests;

/// <summary>
/// The CLI as a user runs it, in a process of its own whose managed heap is capped with DOTNET_GCHeapHardLimit: a
/// refusal that needed more memory than the stated bound would die of OutOfMemoryException instead of exiting 2.
/// </summary>
public sealed class ChildProcessMemoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lg-cli-memory-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Exit, string Output) RunCapped(long heapLimitBytes, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "licenceguard.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_GCHeapHardLimit"] = "0x" + heapLimitBytes.ToString("X");
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(120_000), "the CLI ran over two minutes");
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    private string Write(string text)
    {
        var path = Path.Combine(_dir, "models.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void FiftyMegabyteModelId_IsRefused_WithinA200MBHeap()
    {
        var path = Write("organisation: { commercial: false }\nmodels:\n  - id: " + new string('a', 50_000_000) + "\n");
        var (exit, output) = RunCapped(200L * 1024 * 1024, "check", "--manifest", path);
        Assert.True(exit == 2, output);
        Assert.Contains("error LG1001: the file is 50000053 bytes, over the limit of 16777216", output);
        Assert.DoesNotContain("OutOfMemory", output);
    }

    [Fact]
    public void TwoHundredThousandModels_AreRefused_WithinA1GBHeap()
    {
        var sb = new StringBuilder("organisation: { commercial: true }\nmodels:\n");
        for (var i = 0; i < 200_000; i++) sb.Append("  - { id: example/model-").Append(i).Append(", licence: MIT }\n");
        var (exit, output) = RunCapped(1024L * 1024 * 1024, "check", "--manifest", Write(sb.ToString()));
        Assert.True(exit == 2, output);
        Assert.Contains("error LG1001: the file has more than 1000000 YAML nodes", output);
        Assert.DoesNotContain("OutOfMemory", output);
    }
}
