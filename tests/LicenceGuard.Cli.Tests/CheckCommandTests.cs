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
    public void OutputThatCannotBeWritten_IsAnErrorThatSaysSo_NotAnInternalError()
    {
        var file = Path.Combine(_dir, "a-file");
        File.WriteAllText(file, "not a folder");
        var (exit, _, err) = CliRunner.Run("check", "--manifest", Write("organisation: { commercial: true }\nmodels: []\n"), "-o", Path.Combine(file, "compliance.json"));
        Assert.Equal(2, exit);
        Assert.Contains("licenceguard: cannot write or read a file:", err);
        Assert.DoesNotContain("internal error", err);
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

    [Theory]
    [InlineData("--margin", "1.5", "--margin must be a fraction between 0 and 1, not '1.5'")]
    [InlineData("--margin", "0,1", "--margin must be a fraction between 0 and 1, not '0,1'")]
    [InlineData("--catalogue-max-age-days", "-3", "--catalogue-max-age-days must be a whole number of days, not '-3'")]
    [InlineData("--dependencies", "no-such-dependencies.json", "--dependencies no-such-dependencies.json:")]
    [InlineData("--attestation", "no-such-attestation.json", "--attestation no-such-attestation.json:")]
    public void BadBuildInput_Triggers_ExitsTwo_NamingTheOption(string option, string value, string expected)
    {
        var (exit, output, err) = CliRunner.Run("check", "--manifest", Write("organisation: { commercial: true }\nmodels: []\n"), option, value);
        Assert.Equal(2, exit);
        Assert.Contains(expected, err);
        Assert.DoesNotContain("   at ", output + err);
    }

    [Fact]
    public void DependenciesNotJson_Triggers_ExitsTwo_NoStackTrace()
    {
        var report = Path.Combine(_dir, "dependencies.json");
        File.WriteAllText(report, "{ \"packages\": [");
        var (exit, output, err) = CliRunner.Run("check", "--manifest", Write("organisation: { commercial: true }\nmodels: []\n"), "--dependencies", report);
        Assert.Equal(2, exit);
        Assert.Contains("not a JSON document", err);
        Assert.DoesNotContain("   at ", output + err);
    }

    [Fact]
    public void DependenciesReport_IsEmbedded_AsTheBuildEmbedsIt()
    {
        var report = Path.Combine(_dir, "dependencies.json");
        File.WriteAllText(report, "{ \"packages\": [ { \"id\": \"Contoso.Inference\", \"version\": \"1.2.3\" } ] }");
        var output = Path.Combine(_dir, "compliance.json");
        var (exit, _, _) = CliRunner.Run("check", "--manifest", Write("organisation: { commercial: true }\nmodels: []\n"), "--today", "2026-11-29", "--dependencies", report, "-o", output);
        Assert.Equal(0, exit);
        Assert.Contains("Contoso.Inference", File.ReadAllText(output));
    }

    [Theory]
    [InlineData("0.05", false)]
    [InlineData("0.15", true)]
    public void Margin_DecidesTheThresholdWarning_AsLicenceGuardThresholdMargin(string margin, bool warns)
    {
        // 650M users: 93% of Llama 3.1's 700M monthly-active-user threshold.
        var path = Write("organisation: { commercial: true, monthlyActiveUsers: 650000000 }\nmodels:\n  - id: meta-llama/Llama-3.1-8B-Instruct\n    licence: LicenseRef-Llama-3.1-Community\n");
        var (_, output, _) = CliRunner.Run("check", "--manifest", path, "--today", "2026-11-29", "--margin", margin);
        Assert.Equal(warns, output.Contains("warning LG1009", StringComparison.Ordinal));
    }

    [Fact]
    public void WaivedFinding_IsPrintedAsTheBuildLogsIt()
    {
        var path = Write("organisation: { commercial: true }\nmodels:\n  - { id: gpt-4o-mini, licence: LicenseRef-OpenAI-Services, hosting: { mode: api } }\n" +
            "waivers:\n  - { rule: LG1005, reason: read under the master agreement, approver: c.officer, expires: 2027-06-30 }\n");
        var (_, output, _) = CliRunner.Run("check", "--manifest", path, "--today", "2026-11-29");
        Assert.Contains($"{path}(3,11): message LG1005: ", output);
        Assert.Contains(" (waived until 2027-06-30 by c.officer: read under the master agreement)", output);
    }

    [Theory]
    [InlineData(new[] { "--no-warn", "LG1009" }, "message LG1009", 0)]
    [InlineData(new[] { "--warnings-as-errors", "LG1009" }, "error LG1009", 1)]
    [InlineData(new[] { "--treat-warnings-as-errors" }, "error LG1009", 1)]
    [InlineData(new[] { "--treat-warnings-as-errors", "--warnings-not-as-errors", "LG1009" }, "warning LG1009", 0)]
    public void ProjectWarningProperties_ApplyAsInTheBuild(string[] options, string expected, int exit)
    {
        // Llama 3.1 attributed and served only, its review waived: its one warning is the threshold (650M of 700M users).
        var path = Write("organisation: { commercial: true, monthlyActiveUsers: 650000000 }\nmodels:\n  - id: meta-llama/Llama-3.1-8B-Instruct\n" +
            "    licence: LicenseRef-Llama-3.1-Community\n    hosting: { mode: self-hosted }\n    distributes: false\n    attribution: { shown: About page }\n" +
            "waivers:\n  - { rule: LG1005, reason: read under the master agreement, approver: c.officer, expires: 2027-06-30 }\n");
        var (code, output, _) = CliRunner.Run(new[] { "check", "--manifest", path, "--today", "2026-11-29" }.Concat(options).ToArray());
        Assert.Contains(expected, output);
        Assert.Equal(exit, code);
    }

    [Fact]
    public void RelativeManifest_FindingsNameTheFullPath_AsTheBuildLogsThem()
    {
        var path = Write("organisation: { commercial: true }\nmodels:\n  - id: gpt-4o-mini\n");
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(_dir);
        try
        {
            var (_, output, _) = CliRunner.Run("check", "--manifest", "models.yaml", "--today", "2026-11-29");
            Assert.Contains($"{path}(3,9): error LG1003:", output);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    [Fact]
    public void HelpBase_PointsTheSarifLogsHelpLinks_AsLicenceGuardHelpBase()
    {
        var path = Write("organisation: { commercial: true }\nmodels:\n  - id: gpt-4o-mini\n");
        var (_, output, _) = CliRunner.Run("check", "--manifest", path, "--today", "2026-11-29", "--format", "sarif", "--help-base", "https://docs.example.org/licenceguard/");
        using var sarif = System.Text.Json.JsonDocument.Parse(output);
        var rule = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Single(r => r.GetProperty("id").GetString() == "LG1003");
        Assert.StartsWith("https://docs.example.org/licenceguard/LG1003", rule.GetProperty("helpUri").GetString());
    }
}
