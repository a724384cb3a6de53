namespace LicenceGuard.EndToEnd.Tests;

/// <summary>Waivers in a real `dotnet build`: the gate applies them once, after evaluation drift (LG1202) is known.</summary>
[Collection(PackageCollection.Name)]
public class WaiverBuildTests
{
    private readonly PackageFixture _fixture;

    public WaiverBuildTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void ExpiredEvaluationDriftWaiver_Triggers_LG1014Once_CountingTheDriftItNoLongerWaives()
    {
        var consumer = _fixture.CreateConsumer("expired-drift-waiver");
        consumer.WriteFile("models.yaml", $$"""
            organisation: { name: Example Ltd, commercial: true, monthlyActiveUsers: 3500000, annualRevenue: { amount: 2000000, currency: USD } }
            models:
              - id: deepseek-ai/DeepSeek-R1
                licence: MIT
                review: { by: a.sharma, on: 2026-11-02, textSha256: "{{CatalogueHashes.Of(_fixture, "MIT")}}" }
                hosting: { mode: self-hosted }
                attribution: { notice: THIRD-PARTY-NOTICES.txt }
                revision: v3
                evaluations: [{ date: 2026-10-01, dataset: MedQA, score: "0.7", revision: v2 }]
            waivers:
              - { rule: LG1202, model: deepseek-ai/DeepSeek-R1, reason: re-evaluation booked, approver: c.officer, expires: 2026-11-01 }
            """);
        var (exit, output) = consumer.Build();
        Assert.NotEqual(0, exit);
        var expired = output.Split('\n').Where(l => l.Contains("error LG1014:", StringComparison.Ordinal))
            .Select(l => l[l.IndexOf("models.yaml(", StringComparison.Ordinal)..].Trim()).Distinct().ToList();
        Assert.Equal("models.yaml(11,113): error LG1014: waiver of LG1202 for 'deepseek-ai/DeepSeek-R1' approved by c.officer expired on 2026-11-01; 1 finding(s) are no longer waived",
            Assert.Single(expired).Split(" [")[0]);
        Assert.Contains(output.Split('\n'), l => l.Contains("models.yaml(9,", StringComparison.Ordinal) && l.Contains("warning LG1202:", StringComparison.Ordinal));
        Assert.DoesNotContain("LG1015", output);
        Assert.DoesNotContain("MSB4018", output);
    }
}
