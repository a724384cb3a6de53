namespace LicenceGuard.Cli.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class CheckCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lg-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string text)
    {
        var path = Path.Combine(_dir, "models.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void CleanManifest_DoesNotTrigger_ExitsZero()
    {
        var (exit, output, _) = CliRunner.Run("check", "--manifest", Write("organisation: { commercial: true }\nmodels: []\n"), "--today", "2026-11-29");
        Assert.Equal(0, exit);
        Assert.Contains("0 error(s)", output);
    }

    [Fact]
    public void ErrorFinding_Triggers_MsBuildFormat_ExitsOne()
    {
        var path = Write("organisation: { commercial: true }\nmodels:\n  - id: gpt-4o-mini\n");
        var (exit, output, _) = CliRunner.Run("check", "--manifest", path, "--today", "2026-11-29");
        Assert.Equal(1, exit);
        Assert.Contains($"{path}(3,9): error LG1003:", output);
    }

    [Fact]
    public void FormatSarif_WritesTheLogToStdout_AndThePeoplesLinesToStderr()
    {
        var path = Write("organisation: { commercial: true }\nmodels:\n  - id: gpt-4o-mini\n");
        var (exit, output, err) = CliRunner.Run("check", "--manifest", path, "--today", "2026-11-29", "--format", "sarif");
        Assert.Equal(1, exit);
        using var sarif = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "LG1003");
        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.Equal(3, result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Contains("error LG1003:", err);

        (exit, _, err) = CliRunner.Run("check", "--manifest", path, "--format", "xml");
        Assert.Equal(2, exit);
        Assert.Contains("text or sarif", err);
    }

    [Theory]
    [InlineData("organisation: [\n")]
    [InlineData("\u0000\u0001")]
    public void UnparseableManifest_Triggers_ExitsTwo_NoStackTrace(string text)
    {
        var (exit, output, err) = CliRunner.Run("check", "--manifest", Write(text));
        Assert.Equal(2, exit);
        Assert.Contains("error LG1001", output);
        Assert.DoesNotContain("   at ", output + err);
    }

    [Fact]
    public void MissingFile_Triggers_ExitsTwo()
    {
        var (exit, _, err) = CliRunner.Run("check", "--manifest", Path.Combine(_dir, "nope.yaml"));
        Assert.Equal(2, exit);
        Assert.Contains("does not exist", err);
    }

    [Fact]
    public void UnknownOption_Triggers_ExitsTwo()
    {
        var (exit, _, err) = CliRunner.Run("check", "--no-such-option");
        Assert.Equal(2, exit);
        Assert.Contains("licenceguard:", err);
    }

    [Fact]
    public void OutputOption_WritesComplianceManifest()
    {
        var output = Path.Combine(_dir, "out", "compliance.json");
        CliRunner.Run("check", "--manifest", Write("organisation: { commercial: true }\nmodels: []\n"), "-o", output);
        var text = File.ReadAllText(output);
        Assert.Contains("\"schemaVersion\": 2", text);
        Assert.Equal(0, Core.Document.ComplianceJson.Parse(text).Summary.Models);
    }

    [Fact]
    public void NewModelSinceApproval_Triggers_DriftLikeTheBuild()
    {
        var path = Write("organisation: { commercial: true }\nmodels: []\n");
        Assert.Equal(0, CliRunner.Run("approve", "--manifest", path, "--by", "c.officer", "--on", "2026-11-29").Exit);
        File.WriteAllText(path, "organisation: { commercial: true }\nmodels:\n  - id: deepseek-ai/DeepSeek-R1\n    licence: MIT\n");
        var (_, output, _) = CliRunner.Run("check", "--manifest", path, "--today", "2026-11-29");
        Assert.Contains("warning LG1201", output);
        Assert.Contains("deepseek-ai/DeepSeek-R1", output);
    }
}
