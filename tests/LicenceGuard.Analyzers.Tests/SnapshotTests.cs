using LicenceGuard.Core;
using LicenceGuard.Core.AnalyzerInput;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LicenceGuard.Analyzers.Tests;

/// <summary>
/// The build gate's analyzer snapshot: used while it names the models.yaml text in hand, so the analyzer relays the
/// build's own verdict; ignored when models.yaml has changed since (an edit in the IDE) or when it is not a snapshot.
/// </summary>
public class SnapshotTests
{
    private const string SnapshotPath = "/project/obj/Debug/licenceguard/analyzer-snapshot.tsv";

    private const string Source = """
        using OpenAI.Chat;
        class C { ChatClient M() => new ChatClient("gpt-4o-mini", "key"); }
        """;

    private static readonly string CleanManifest = Fixtures.Manifest(Fixtures.Reviewed("gpt-4o-mini", "LicenseRef-OpenAI-Services"));

    /// <summary>A snapshot of <paramref name="manifest"/> in which the build found something the analyzer alone would not.</summary>
    private static string SnapshotWithBuildFinding(string manifest)
    {
        var result = ComplianceCheck.RunText(manifest, "/project/models.yaml");
        var snapshot = AnalyzerSnapshot.Write(manifest, result, Core.CodeApis.SdkApiTable.Embedded);
        var line = "model\tgpt-4o-mini\t\t";
        Assert.Contains(line, snapshot);
        return snapshot.Replace(line, "model\tgpt-4o-mini\tLG1017 weights changed since review (from the build)\t");
    }

    [Fact]
    public void SnapshotFileName_IsCoresName() =>
        Assert.Equal(AnalyzerSnapshot.FileName, ModelReferenceAnalyzer.SnapshotFileName);

    [Fact]
    public async Task SnapshotOfThisManifest_BuildFinding_Triggers()
    {
        var test = new AnalyzerTest(Source, CleanManifest, (SnapshotPath, SnapshotWithBuildFinding(CleanManifest)));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("LG0002", DiagnosticSeverity.Warning).WithSpan(2, 44, 2, 57)
            .WithArguments("gpt-4o-mini", "LG1017 weights changed since review (from the build)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task SnapshotOfAnEarlierManifest_DoesNotTrigger()
    {
        // models.yaml was edited after the build: the snapshot names another text, so the analyzer reads models.yaml.
        var edited = CleanManifest.Replace("name: Acme", "name: Acme Ltd");
        var test = new AnalyzerTest(Source, edited, (SnapshotPath, SnapshotWithBuildFinding(CleanManifest)));
        await test.RunAsync();
    }

    [Fact]
    public async Task SnapshotOfAnEarlierManifest_UndeclaredModelInEditedManifest_Triggers()
    {
        var edited = Fixtures.Manifest(Fixtures.Reviewed("gpt-4o", "LicenseRef-OpenAI-Services"));
        var test = new AnalyzerTest(Source, edited, (SnapshotPath, SnapshotWithBuildFinding(CleanManifest)));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("LG0001", DiagnosticSeverity.Error).WithSpan(2, 44, 2, 57));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a snapshot")]
    [InlineData("licenceguard-analyzer-snapshot\t99\nmanifest-sha256\tx\nend\n")]
    public async Task UnreadableSnapshot_DoesNotTrigger(string snapshot)
    {
        var test = new AnalyzerTest(Source, CleanManifest, (SnapshotPath, snapshot));
        await test.RunAsync();
    }

    [Fact]
    public async Task TruncatedSnapshot_IsIgnored_DoesNotTrigger()
    {
        var full = SnapshotWithBuildFinding(CleanManifest);
        var cut = full.Substring(0, full.IndexOf("\nfamily", StringComparison.Ordinal) + 1);
        var test = new AnalyzerTest(Source, CleanManifest, (SnapshotPath, cut));
        await test.RunAsync();
    }
}
