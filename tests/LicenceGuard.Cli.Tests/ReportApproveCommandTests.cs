using System.Text.RegularExpressions;

namespace LicenceGuard.Cli.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class ReportApproveCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lg-cli-report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The MIT text's pinned hash, read from rules/ as a reviewer would copy it.</summary>
    internal static string MitHash()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "rules", "licences", "MIT.yaml");
            if (File.Exists(file)) return Regex.Match(File.ReadAllText(file), "sha256:\\s*\"?([0-9a-f]{64})").Groups[1].Value;
        }
        throw new InvalidOperationException("rules/licences/MIT.yaml not found");
    }

    private string Manifest(string monthlyActiveUsers = "3500000", string extra = "")
    {
        var path = Path.Combine(_dir, "models.yaml");
        File.WriteAllText(path, $$"""
            organisation: { name: Example Ltd, commercial: true, monthlyActiveUsers: {{monthlyActiveUsers}}, annualRevenue: { amount: 2000000, currency: USD } }
            models:
              - id: deepseek-ai/DeepSeek-R1
                licence: MIT
                review: { by: a.sharma, on: 2026-11-02, textSha256: "{{MitHash()}}" }
                hosting: { mode: self-hosted }
                attribution: { notice: MODEL-NOTICES.txt }
            {{extra}}
            """);
        return path;
    }

    [Fact]
    public void ReportHelp_NamesEveryDocumentItWrites()
    {
        var (exit, output, _) = CliRunner.Run("report", "--help");
        Assert.Equal(0, exit);
        var summary = output.Split('\n').First(l => l.Contains("Write the compliance report", StringComparison.Ordinal));
        foreach (var document in new[] { "HTML", "Markdown", "compliance manifest (JSON)", "CycloneDX", "SPDX 3", "MODEL-NOTICES.txt" })
            Assert.Contains(document, summary);
    }

    [Fact]
    public void Approve_WritesLockBesideManifest_ThenReportShowsNoChange_UntilAModelIsAdded()
    {
        var manifest = Manifest();
        var (exit, output, err) = CliRunner.Run("approve", "--manifest", manifest, "--by", "c.officer", "--on", "2026-11-29");
        Assert.True(exit == 0, output + err);
        var lockPath = Path.Combine(_dir, "models.lock.json");
        var lockText = File.ReadAllText(lockPath);
        Assert.Contains("\"approval\": {\n    \"by\": \"c.officer\",\n    \"on\": \"2026-11-29\"\n  }", lockText);

        var (again, againOut, _) = CliRunner.Run("approve", "--manifest", manifest, "--by", "c.officer", "--on", "2026-11-29");
        Assert.Equal(0, again);
        Assert.Contains("already records this approval", againOut);
        Assert.Equal(lockText, File.ReadAllText(lockPath));

        var (same, md, _) = CliRunner.Run("report", "--manifest", manifest, "--format", "md", "--today", "2026-11-29");
        Assert.Equal(0, same);
        Assert.Contains("Approved by c.officer on 2026-11-29: no changes.", md);

        Manifest(extra: "  - { id: gpt-4o-mini, licence: LicenseRef-OpenAI-Services, hosting: { mode: api, region: us } }");
        var html = Path.Combine(_dir, "out", "report.html");
        var (changed, _, changedErr) = CliRunner.Run("report", "--manifest", manifest, "--format", "html", "-o", html, "--today", "2026-11-29");
        // The added model is unreviewed (LG1005): the report is written, and the exit code is the check's (README: 1).
        Assert.True(changed == 1, changedErr);
        Assert.Contains("model-added", File.ReadAllText(html));
    }

    [Fact]
    public void Approve_WithUnwaivedErrors_IsRefused_UnlessAllowed()
    {
        var manifest = Manifest(extra: "  - { id: gpt-4o-mini, hosting: { mode: api } }");
        var (exit, _, err) = CliRunner.Run("approve", "--manifest", manifest, "--by", "c.officer", "--on", "2026-11-29");
        Assert.Equal(1, exit);
        Assert.Contains("error LG1003", err);
        Assert.Contains("not approved", err);
        Assert.False(File.Exists(Path.Combine(_dir, "models.lock.json")));

        var (allowed, _, _) = CliRunner.Run("approve", "--manifest", manifest, "--by", "c.officer", "--on", "2026-11-29", "--allow-errors");
        Assert.Equal(0, allowed);
        Assert.True(File.Exists(Path.Combine(_dir, "models.lock.json")));
    }

    [Theory]
    [InlineData("report", "--format", "xml")]
    [InlineData("approve")]
    [InlineData("approve", "--by", "c.officer", "--on", "29/11/2026")]
    [InlineData("report", "--lock", "missing.lock.json")]
    public void BadArguments_ExitTwo_NoStackTrace(params string[] args)
    {
        var manifest = Manifest();
        var (exit, output, err) = CliRunner.Run(args.Concat(new[] { "--manifest", manifest }).ToArray());
        Assert.Equal(2, exit);
        Assert.DoesNotContain("   at ", output + err);
    }

    [Fact]
    public void UnreadableLock_Triggers_LocatedError_ExitTwo()
    {
        var manifest = Manifest();
        File.WriteAllText(Path.Combine(_dir, "models.lock.json"), "{\n<<<<<<< HEAD\n");
        var (exit, _, err) = CliRunner.Run("report", "--manifest", manifest, "--format", "md");
        Assert.Equal(2, exit);
        Assert.Contains("models.lock.json(2,1): error LG1203", err);
    }

    [Fact]
    public void CycloneDxAndNotices_FromCompliantManifest_AreWritten()
    {
        var manifest = Manifest();
        var bom = Path.Combine(_dir, "bom.json");
        Assert.Equal(0, CliRunner.Run("report", "--manifest", manifest, "--format", "cyclonedx", "-o", bom).Exit);
        Assert.Contains("\"type\": \"machine-learning-model\"", File.ReadAllText(bom));
        var (exit, notices, _) = CliRunner.Run("report", "--manifest", manifest, "--format", "notices");
        Assert.Equal(0, exit);
        Assert.Contains("MIT License (MIT)", notices);
        Assert.Contains("Permission is hereby granted", notices);
    }
}
