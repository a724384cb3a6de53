using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LicenceGuard.Analyzers.Tests;

/// <summary>
/// The editor before a build: models.yaml has no gate snapshot of its text, so the analyzer reads the declared names
/// itself (no YamlDotNet in the compiler), keeps the last build's verdicts, and says so (LG0020), or says where it
/// could not read the file (LG0021) and goes on with the last build's declared models.
/// </summary>
public class EditorManifestTests
{
    private const string Source = """
        using OpenAI.Chat;
        class C
        {
            ChatClient A() => new ChatClient("gpt-4o-mini", "key");
            ChatClient B() => new ChatClient("house", "key");
            string W() => "models/house-7b.safetensors";
        }
        """;

    private static DiagnosticResult NoBuildYet => new DiagnosticResult("LG0020", DiagnosticSeverity.Info).WithSpan("/project/models.yaml", 1, 1, 1, 14)
        .WithArguments("models.yaml has not been checked by a build yet: the declared names are read from it, the licence verdicts come with the first build");

    [Fact]
    public async Task NoBuildYet_DeclaredIdsAliasesAndWeightsFiles_AreKnown()
    {
        var manifest = Fixtures.Manifest("""
              - id: "gpt-4o-mini"   # quoted, with a comment
                aliases: []
              - { id: acme/house-7b, aliases: [ 'house' ], weights: [ { path: "weights/house-7b.safetensors" } ] }
            """);
        var test = AnalyzerTest.InEditor(Source, manifest);
        test.ExpectedDiagnostics.Add(NoBuildYet);
        await test.RunAsync();
    }

    [Fact]
    public async Task NoBuildYet_UndeclaredModel_Triggers()
    {
        var source = Source.Replace("\"gpt-4o-mini\"", "{|LG0001:\"gpt-4o-mini\"|}");
        var manifest = Fixtures.Manifest("""
              - id: acme/house-7b
                aliases:
                  - house
                weights:
                  - path: weights/house-7b.safetensors
            """);
        var test = AnalyzerTest.InEditor(source, manifest);
        test.ExpectedDiagnostics.Add(NoBuildYet);
        await test.RunAsync();
    }

    [Fact]
    public async Task YamlBeyondTheEditorsReader_IsReportedWhere_AndTheLastBuildsModelsAreKept()
    {
        var built = Fixtures.Manifest("""
              - { id: gpt-4o-mini }
              - { id: acme/house-7b, aliases: [house], weights: [{ path: weights/house-7b.safetensors }] }
            """);
        var edited = built.Replace("- { id: gpt-4o-mini }", "- { id: &main gpt-4o-mini }");
        var test = AnalyzerTest.InEditor(Source, edited, lastBuild: AnalyzerTest.GateSnapshot(built));
        var line = edited.Split('\n').ToList().FindIndex(l => l.Contains("&main", StringComparison.Ordinal)) + 1;
        var column = edited.Split('\n')[line - 1].IndexOf('&', StringComparison.Ordinal) + 1;
        test.ExpectedDiagnostics.Add(new DiagnosticResult("LG0021", DiagnosticSeverity.Warning)
            .WithSpan("/project/models.yaml", line, column, line, edited.Split('\n')[line - 1].Length + 1)
            .WithArguments("anchors, aliases and tags are not read in the editor; the build reads this file with a full YAML parser; the declared models of the last build are used until the next build"));
        // Still declared, by the last build, with its verdicts (no licence) relayed.
        test.ExpectedDiagnostics.Add(new DiagnosticResult("LG0002", DiagnosticSeverity.Warning).WithSpan(4, 38, 4, 51));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("LG0002", DiagnosticSeverity.Warning).WithSpan(6, 19, 6, 48));
        await test.RunAsync();
    }
}
