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

    private static DiagnosticResult StaleSinceLastBuild => new DiagnosticResult("LG0020", DiagnosticSeverity.Info).WithSpan("/project/models.yaml", 1, 1, 1, 14)
        .WithArguments("models.yaml changed since the last build: the declared names are read from it, the licence verdicts are those of the last build until the next one");

    private static DiagnosticResult NoBuildYet => new DiagnosticResult("LG0020", DiagnosticSeverity.Info).WithSpan("/project/models.yaml", 1, 1, 1, 14)
        .WithArguments("models.yaml has not been checked by a build yet: the declared names are read from it, the licence verdicts come with the first build");

    [Fact]
    public async Task SnapshotOfAnEarlierManifest_RelaysTheLastBuildsVerdict_AndSaysItIsStale()
    {
        // models.yaml was edited after the build: the snapshot names another text, so the analyzer reads the names
        // itself and keeps the last build's verdict on the model it still declares, saying so.
        var edited = CleanManifest.Replace("name: Acme", "name: Acme Ltd");
        var test = new AnalyzerTest(Source, edited, (SnapshotPath, SnapshotWithBuildFinding(CleanManifest)));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("LG0002", DiagnosticSeverity.Warning).WithSpan(2, 44, 2, 57)
            .WithArguments("gpt-4o-mini", "LG1017 weights changed since review (from the build)"));
        test.ExpectedDiagnostics.Add(StaleSinceLastBuild);
        await test.RunAsync();
    }

    [Fact]
    public async Task SnapshotOfAnEarlierManifest_UndeclaredModelInEditedManifest_Triggers()
    {
        var edited = Fixtures.Manifest(Fixtures.Reviewed("gpt-4o", "LicenseRef-OpenAI-Services"));
        var test = new AnalyzerTest(Source, edited, (SnapshotPath, SnapshotWithBuildFinding(CleanManifest)));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("LG0001", DiagnosticSeverity.Error).WithSpan(2, 44, 2, 57));
        test.ExpectedDiagnostics.Add(StaleSinceLastBuild);
        await test.RunAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a snapshot")]
    [InlineData("licenceguard-analyzer-snapshot\t99\nmanifest-sha256\tx\nend\n")]
    public async Task UnreadableSnapshot_IsNotRelayed(string snapshot)
    {
        var test = new AnalyzerTest(Source, CleanManifest, (SnapshotPath, snapshot));
        test.ExpectedDiagnostics.Add(NoBuildYet);
        await test.RunAsync();
    }

    [Fact]
    public async Task TruncatedSnapshot_IsNotRelayed()
    {
        var full = SnapshotWithBuildFinding(CleanManifest);
        var cut = full.Substring(0, full.IndexOf("\nfamily", StringComparison.Ordinal) + 1);
        var test = new AnalyzerTest(Source, CleanManifest, (SnapshotPath, cut));
        test.ExpectedDiagnostics.Add(NoBuildYet);
        await test.RunAsync();
    }
}
