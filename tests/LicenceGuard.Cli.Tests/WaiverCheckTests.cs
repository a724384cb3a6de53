namespace LicenceGuard.Cli.Tests;

/// <summary>
/// What `licenceguard check` says about waivers of findings that the run finds after the policy: evaluation drift
/// (LG1202, from the evaluation records) and drift from the approved lock (LG1201, where code uses a model).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class WaiverCheckTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lg-cli-waivers-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A reviewed MIT model whose newest evaluation ran on revision v2 while the product runs v3 (LG1202).</summary>
    private string Manifest(string waivers)
    {
        var path = Path.Combine(_dir, "models.yaml");
        File.WriteAllText(path, $$"""
            organisation: { name: Example Ltd, commercial: true, monthlyActiveUsers: 3500000, annualRevenue: { amount: 2000000, currency: USD } }
            models:
              - id: deepseek-ai/DeepSeek-R1
                licence: MIT
                review: { by: a.sharma, on: 2026-11-02, textSha256: "{{ReportApproveCommandTests.MitHash()}}" }
                hosting: { mode: self-hosted }
                attribution: { notice: MODEL-NOTICES.txt }
                revision: v3
                evaluations: [{ date: 2026-10-01, dataset: MedQA, score: "0.7", revision: v2 }]
            {{waivers}}
            """);
        return path;
    }

    private static string[] Lines(string output, string id) =>
        output.Split('\n').Where(l => l.Contains($" {id}: ", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void LiveEvaluationDriftWaiver_IsApplied_NotReportedUnused_ExitsZero()
    {
        var path = Manifest("waivers:\n  - { rule: LG1202, model: deepseek-ai/DeepSeek-R1, reason: re-evaluation booked, approver: c.officer, expires: 2027-01-31 }");
        var (exit, output, err) = CliRunner.Run("check", "--manifest", path, "--today", "2026-11-29");
        Assert.True(exit == 0, output + err);
        Assert.Contains("(waived until 2027-01-31 by c.officer: re-evaluation booked)", Assert.Single(Lines(output, "LG1202")));
        Assert.Empty(Lines(output, "LG1015"));
        Assert.Contains("0 error(s), 0 warning(s), 1 waived", output);
    }

    [Fact]
    public void ExpiredEvaluationDriftWaiver_Triggers_LG1014Once_SayingTheDriftIsNoLongerWaived_ExitsOne()
    {
        var path = Manifest("waivers:\n  - { rule: LG1202, model: deepseek-ai/DeepSeek-R1, reason: r, approver: c.officer, expires: 2026-11-01 }");
        var (exit, output, _) = CliRunner.Run("check", "--manifest", path, "--today", "2026-11-29");
        Assert.Equal(1, exit);
        var expired = Assert.Single(Lines(output, "LG1014"));
        Assert.Contains($"{path}(11,94): error LG1014: waiver of LG1202 for 'deepseek-ai/DeepSeek-R1' approved by c.officer expired on 2026-11-01; 1 finding(s) are no longer waived", expired);
        Assert.Contains("warning LG1202:", Assert.Single(Lines(output, "LG1202")));
        Assert.Empty(Lines(output, "LG1015"));
    }

    [Fact]
    public void CodeUseDriftWaiver_CannotBeWaived_TheDriftStaysAWarning()
    {
        var path = Manifest(string.Empty);
        var (approved, approveOut, approveErr) = CliRunner.Run("approve", "--manifest", path, "--by", "c.officer", "--on", "2026-11-29");
        Assert.True(approved == 0, approveOut + approveErr);
        // A new use of the model in code since the approval: LG1201 at the code, found by check's run of the analyzers.
        File.WriteAllText(Path.Combine(_dir, "Chat.cs"), "class Chat { string M = \"deepseek-ai/DeepSeek-R1\"; }\n");
        Manifest("waivers:\n  - { rule: LG1201, reason: approval next week, approver: c.officer, expires: 2027-01-31 }\n"
            + "  - { rule: LG1202, reason: re-evaluation booked, approver: c.officer, expires: 2027-01-31 }");

        var (exit, output, err) = CliRunner.Run("check", "--manifest", path, "--today", "2026-11-29");
        Assert.True(exit == 0, output + err);
        var drift = Lines(output, "LG1201");
        Assert.Contains(drift, l => l.Contains("Chat.cs(1,", StringComparison.Ordinal) && l.Contains("warning LG1201: model 'deepseek-ai/DeepSeek-R1' is now used in Chat.cs", StringComparison.Ordinal));
        Assert.Contains(drift, l => l.Contains("warning LG1201: waiver of LG1201 added since the approval", StringComparison.Ordinal));
        Assert.All(drift, l => Assert.DoesNotContain("[waived", l));
        var refused = Assert.Single(Lines(output, "LG1015"));
        Assert.Contains($"{path}(11,13): warning LG1015: waiver of LG1201: LG1201 cannot be waived (a change since the approval is accepted by approving again", refused);
        Assert.Contains("(waived until 2027-01-31 by c.officer: re-evaluation booked)", Assert.Single(Lines(output, "LG1202")));
    }
}
