using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LicenceGuard.Analyzers.Tests;

/// <summary>The user's own [ModelId] APIs, relayed findings (LG0002) and the data perimeter at the call site (LG0003).</summary>
public class AttributeAndPolicyTests
{
    private const string AttributeDeclarations = """
        namespace LicenceGuard
        {
            [System.AttributeUsage(System.AttributeTargets.Parameter | System.AttributeTargets.Property)]
            public sealed class ModelIdAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)]
            public sealed class HandlesDataAttribute : System.Attribute { public HandlesDataAttribute(params string[] classes) { } }
        }
        """;

    [Fact]
    public async Task ModelIdParameterOfOwnApi_UndeclaredModel_Triggers()
    {
        var source = AttributeDeclarations + """

            class Gateway { public void Ask([LicenceGuard.ModelId] string model, string prompt) { } }
            class C { void M(Gateway g) => g.Ask({|LG0001:"mistral-large-latest"|}, "hello"); }
            """;
        await AnalyzerTest.RunAsync(source, Fixtures.Manifest(Fixtures.Reviewed("gpt-4o", "LicenseRef-OpenAI-Services")));
    }

    [Fact]
    public async Task ModelIdPropertyOfOwnApi_UndeclaredModel_Triggers()
    {
        var source = AttributeDeclarations + """

            class Settings { [LicenceGuard.ModelId] public string Model { get; set; } = ""; }
            class C { Settings M() => new Settings { Model = {|LG0001:"acme-internal-7b"|} }; }
            """;
        await AnalyzerTest.RunAsync(source, Fixtures.Manifest(Fixtures.Reviewed("gpt-4o", "LicenseRef-OpenAI-Services")));
    }

    [Fact]
    public async Task UnmarkedParameterOfOwnApi_ArbitraryString_DoesNotTrigger()
    {
        var source = """
            class Gateway { public void Ask(string model, string prompt) { } }
            class C { void M(Gateway g) => g.Ask("acme-internal-7b", "hello"); }
            """;
        await AnalyzerTest.RunAsync(source, Fixtures.Manifest(Fixtures.Reviewed("gpt-4o", "LicenseRef-OpenAI-Services")));
    }

    [Fact]
    public async Task DeclaredModelOverLicenceThreshold_RelaysFindingAtLiteral()
    {
        var manifest = Fixtures.Manifest(Fixtures.Reviewed("llama3.1:8b", "LicenseRef-Llama-3.1-Community", kind: "open-weight",
            extra: "    attribution: { shown: About page, notice: NOTICE }")).Replace("monthlyActiveUsers: 1000", "monthlyActiveUsers: 812000000");
        var source = """
            using System;
            using OllamaSharp;
            class C { OllamaApiClient M() => new OllamaApiClient(new Uri("http://localhost:11434"), "llama3.1:8b"); }
            """;
        var test = new AnalyzerTest(source, manifest);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("LG0002", DiagnosticSeverity.Warning).WithSpan(3, 89, 3, 102));
        await test.RunAsync();
        var message = await FirstMessageAsync(source, manifest);
        Assert.Contains("LG1008", message);
        Assert.Contains("812", message);
        Assert.Contains("700", message);
    }

    [Fact]
    public async Task HandlesHealthData_CallsModelHostedOutside_TriggersPerimeter()
    {
        var manifest = Fixtures.Manifest(Fixtures.Reviewed("gpt-4o", "LicenseRef-OpenAI-Services", extra: "    receives: [health]"),
            perimeter: "  perimeter: { mustStayInside: [health], inside: [self-hosted] }");
        var source = AttributeDeclarations + """

            [LicenceGuard.HandlesData("health")]
            class PatientSummariser
            {
                OpenAI.Chat.ChatClient M() => new OpenAI.Chat.ChatClient({|LG0003:"gpt-4o"|}, "key");
            }
            """;
        var test = new AnalyzerTest(source, manifest);
        // The manifest itself says the model receives health data: the build's LG1013 is relayed at the literal too.
        test.ExpectedDiagnostics.Add(new DiagnosticResult("LG0002", DiagnosticSeverity.Warning).WithSpan(11, 62, 11, 70));
        await test.RunAsync();
    }

    [Fact]
    public async Task DataClassificationAttributeOnParameterType_CallsModelHostedOutside_TriggersPerimeter()
    {
        var manifest = Fixtures.Manifest(Fixtures.Reviewed("gpt-4o", "LicenseRef-OpenAI-Services"),
            perimeter: "  perimeter: { mustStayInside: [health], inside: [self-hosted] }");
        var source = """
            using Microsoft.Extensions.Compliance.Classification;
            sealed class HealthDataAttribute : DataClassificationAttribute
            {
                public HealthDataAttribute() : base(new DataClassification("Acme", "Health")) { }
            }
            class Patient { [HealthData] public string Diagnosis { get; set; } = ""; }
            class C
            {
                OpenAI.Chat.ChatClient M(Patient p) => new OpenAI.Chat.ChatClient({|LG0003:"gpt-4o"|}, "key");
            }
            """;
        await AnalyzerTest.RunAsync(source, manifest);
    }

    [Fact]
    public async Task HandlesHealthData_ModelHostedInside_DoesNotTrigger()
    {
        var manifest = Fixtures.Manifest(Fixtures.Reviewed("llama3.1:8b", "LicenseRef-Llama-3.1-Community", kind: "open-weight",
                extra: "    attribution: { shown: About page, notice: NOTICE }"),
            perimeter: "  perimeter: { mustStayInside: [health], inside: [self-hosted] }");
        var source = AttributeDeclarations + """

            [LicenceGuard.HandlesData("health")]
            class C { OllamaSharp.OllamaApiClient M() => new OllamaSharp.OllamaApiClient(new System.Uri("http://localhost:11434"), "llama3.1:8b"); }
            """;
        await AnalyzerTest.RunAsync(source, manifest);
    }

    private static async Task<string> FirstMessageAsync(string source, string manifest)
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("probe",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source) },
            TestReferences.References, new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        // As in a build: the verdicts are the gate's, relayed from its snapshot of this models.yaml.
        var options = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(
            new InMemoryAdditionalText("/p/models.yaml", manifest), new InMemoryAdditionalText(AnalyzerTest.SnapshotPath, AnalyzerTest.GateSnapshot(manifest)!)));
        var diagnostics = await compilation.WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new ModelReferenceAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics.First(d => d.Id != Core.Diagnostics.DiagnosticIds.ModelReferenceFound).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
    }
}
