using System.Collections.Immutable;
using LicenceGuard.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LicenceGuard.Analyzers.Tests;

/// <summary>Runs both LicenceGuard analyzers over C# sources plus models.yaml (and other additional files).</summary>
internal sealed class AnalyzerTest : CSharpAnalyzerTest<ModelReferenceAnalyzer, DefaultVerifier>
{
    public AnalyzerTest(string source, string? manifest, params (string Path, string Text)[] additional)
    {
        TestCode = source;
        ReferenceAssemblies = TestReferences.Assemblies;
        TestState.AdditionalReferences.AddRange(TestReferences.References);
        if (manifest != null) TestState.AdditionalFiles.Add(("/project/models.yaml", manifest));
        foreach (var file in additional) TestState.AdditionalFiles.Add(file);
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
        new DiagnosticAnalyzer[] { new ModelReferenceAnalyzer(), new ConfigurationFileAnalyzer() };

    public static Task RunAsync(string source, string? manifest, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest(source, manifest);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}

/// <summary>A code fix test with models.yaml as an additional document before and after the fix.</summary>
internal sealed class CodeFixTest<TFix> : CSharpCodeFixTest<ModelReferenceAnalyzer, TFix, DefaultVerifier>
    where TFix : CodeFixProvider, new()
{
    public CodeFixTest()
    {
        ReferenceAssemblies = TestReferences.Assemblies;
        TestState.AdditionalReferences.AddRange(TestReferences.References);
        FixedState.AdditionalReferences.AddRange(TestReferences.References);
    }
}
