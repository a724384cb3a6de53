using System.Diagnostics;

namespace LicenceGuard.Cli.Tests;

/// <summary>The verbs against special files, link loops and broken manifests: a located error and an exit code, never a hang.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class HostileInputCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lg-cli-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static async Task<(int Exit, string Out, string Err)> RunWithin10s(params string[] args)
    {
        var run = Task.Run(() => CliRunner.Run(args));
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10))));
        return await run;
    }

    /// <summary>An unreviewed model: the check has one error (LG1005).</summary>
    private string ManifestWithAnError()
    {
        File.WriteAllText(PathOf("models.yaml"), "organisation: { name: X, commercial: true }\nmodels:\n  - id: deepseek-ai/DeepSeek-R1\n    licence: MIT\n    hosting: { mode: self-hosted }\n");
        return PathOf("models.yaml");
    }

    [Fact]
    public async Task FifoAsManifest_Triggers_LG1001_ExitTwo_WithoutBlocking()
    {
        var info = new ProcessStartInfo("mkfifo") { ArgumentList = { PathOf("models.yaml") } };
        using (var p = Process.Start(info)!) await p.WaitForExitAsync();
        foreach (var verb in new[] { "check", "report" })
        {
            var (exit, _, err) = await RunWithin10s(verb, "--manifest", PathOf("models.yaml"));
            Assert.Equal(2, exit);
            Assert.Contains($"{PathOf("models.yaml")}: error LG1001: the path is a FIFO, socket or device, not a regular file", err);
        }
    }

    [Fact]
    public async Task DirectoryAsManifest_SaysItIsADirectory()
    {
        Directory.CreateDirectory(PathOf("models.yaml"));
        var (exit, _, err) = await RunWithin10s("check", "--manifest", PathOf("models.yaml"));
        Assert.Equal(2, exit);
        Assert.Contains("error LG1001: the path is a directory, not a file", err);
        Assert.DoesNotContain("does not exist", err);
    }

    [Fact]
    public async Task TwoDirectorySymlinksBesideModelsYaml_CheckReportApprove_End()
    {
        var manifest = ManifestWithAnError();
        File.CreateSymbolicLink(PathOf("a"), _dir);
        File.CreateSymbolicLink(PathOf("b"), _dir);
        Assert.Equal(1, (await RunWithin10s("check", "--manifest", manifest)).Exit);
        Assert.Equal(1, (await RunWithin10s("report", "--manifest", manifest, "--format", "md")).Exit);
        Assert.Equal(1, (await RunWithin10s("approve", "--manifest", manifest, "--by", "c.officer")).Exit);
    }

    [Fact]
    public async Task Report_WhenTheCheckHasErrors_WritesTheReport_AndExitsOne()
    {
        var output = PathOf("report.html");
        var (exit, _, _) = await RunWithin10s("report", "--manifest", ManifestWithAnError(), "--format", "html", "-o", output);
        Assert.Equal(1, exit);
        Assert.Contains("LG1005", File.ReadAllText(output));
    }

    [Fact]
    public async Task Report_FromABuildsComplianceManifestWithErrors_ExitsOne()
    {
        var json = PathOf("compliance-manifest.json");
        Assert.Equal(1, (await RunWithin10s("check", "--manifest", ManifestWithAnError(), "-o", json)).Exit);
        var (exit, _, err) = await RunWithin10s("report", "--manifest", json, "--format", "md", "-o", PathOf("summary.md"));
        Assert.True(exit == 1, err);
    }

    [Fact]
    public async Task TabIndentation_Triggers_AtTheTabsLine()
    {
        File.WriteAllText(PathOf("models.yaml"), "organisation:\n  name: X\n  commercial: true\nmodels:\n\t- id: a\n");
        var (exit, output, _) = await RunWithin10s("check", "--manifest", PathOf("models.yaml"));
        Assert.Equal(2, exit);
        Assert.Contains("models.yaml(5,1): error LG1001: YAML syntax error: While scanning a mapping, found invalid tab as indentation", output);
    }

    [Fact]
    public async Task DevZeroAsCatalogue_Triggers_LocatedLG1018()
    {
        File.WriteAllText(PathOf("models.yaml"), "organisation: { name: X, commercial: false }\nmodels: []\nsettings:\n  catalogue: [/dev/zero]\n");
        var (exit, output, _) = await RunWithin10s("check", "--manifest", PathOf("models.yaml"));
        Assert.Equal(1, exit);
        Assert.Contains("/dev/zero: error LG1018: the path is a FIFO, socket or device, not a regular file", output);
    }
}
