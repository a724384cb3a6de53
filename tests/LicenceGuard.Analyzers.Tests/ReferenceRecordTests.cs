using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LicenceGuard.Analyzers.Tests;

/// <summary>LG0022: every reference the analyzers find, declared or not, once, with what scan and the compliance manifest need.</summary>
public class ReferenceRecordTests
{
    [Fact]
    public async Task EveryReference_RecordedOnce()
    {
        var source = """
            using OpenAI.Chat;
            class C
            {
                ChatClient A() => new ChatClient("gpt-4o-mini", "key");
                ChatClient B() => new ChatClient("gpt-4o", "key");
                string Local() => "models/house-7b.safetensors";
                string Label() => "not a model";
            }
            """;
        var manifest = Fixtures.Manifest(Fixtures.Reviewed("gpt-4o-mini", "LicenseRef-OpenAI-Services") +
            "\n  - { id: acme/house-7b, licence: null, weights: [{ path: weights/house-7b.safetensors }] }\n");
        var test = new AnalyzerTest(source, manifest, ("/project/appsettings.json", """{ "Ai": { "Model": "gpt-4o-mini" } }"""));
        test.DisabledDiagnostics.Remove("LG0022");
        test.ExpectedDiagnostics.Add(Reference(4, 38, 4, 51, "gpt-4o-mini", "api-model-id, new ChatClient(model)"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("LG0001", DiagnosticSeverity.Error).WithSpan(5, 38, 5, 46));
        test.ExpectedDiagnostics.Add(Reference(5, 38, 5, 46, "gpt-4o", "api-model-id, new ChatClient(model)"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("LG0002", DiagnosticSeverity.Warning).WithSpan(6, 23, 6, 52));
        test.ExpectedDiagnostics.Add(Reference(6, 23, 6, 52, "models/house-7b.safetensors", "local-model-path"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("LG0022", DiagnosticSeverity.Info).WithSpan("/project/appsettings.json", 1, 20, 1, 33)
            .WithArguments("gpt-4o-mini", "config-value, Ai:Model"));
        await test.RunAsync();
    }

    private static DiagnosticResult Reference(int line, int column, int endLine, int endColumn, string literal, string how) =>
        new DiagnosticResult("LG0022", DiagnosticSeverity.Info).WithSpan(line, column, endLine, endColumn).WithArguments(literal, how);
}
