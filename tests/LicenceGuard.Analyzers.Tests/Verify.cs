using System.Collections.Immutable;
using LicenceGuard.Analyzers.CodeFixes;
using LicenceGuard.Core;
using LicenceGuard.Core.AnalyzerInput;
using LicenceGuard.Core.CodeApis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LicenceGuard.Analyzers.Tests;

/// <summary>
/// Runs both LicenceGuard analyzers over C# sources plus models.yaml (and other additional files) as a build runs them:
/// with the gate's analyzer snapshot of that models.yaml beside it, unless the test passes its own or asks for the
/// editor's view (<see cref="InEditor"/>: models.yaml edited since the last build, no snapshot of this text).
/// </summary>
internal sealed class AnalyzerTest : CSharpAnalyzerTest<ModelReferenceAnalyzer, DefaultVerifier>
{
    public const string SnapshotPath = "/project/obj/Debug/licenceguard/analyzer-snapshot.tsv";

    public AnalyzerTest(string source, string? manifest, params (string Path, string Text)[] additional)
    {
        TestCode = source;
        ReferenceAssemblies = TestReferences.Assemblies;
        TestState.AdditionalReferences.AddRange(TestReferences.References);
        if (manifest != null) TestState.AdditionalFiles.Add(("/project/models.yaml", manifest));
        foreach (var file in additional) TestState.AdditionalFiles.Add(file);
        if (manifest != null && !additional.Any(f => f.Path.EndsWith(AnalyzerSnapshot.FileName, StringComparison.Ordinal)) && GateSnapshot(manifest) is { } snapshot)
            TestState.AdditionalFiles.Add((SnapshotPath, snapshot));
        // The findings are checked here; the LG0022 record of every reference in ReferenceRecordTests and the scan tests.
        DisabledDiagnostics.Add(Core.Diagnostics.DiagnosticIds.ModelReferenceFound);
    }

    /// <summary>The build gate's snapshot of a models.yaml text, as its task writes it (none when the text is not a manifest).</summary>
    public static string? GateSnapshot(string manifest)
    {
        var result = ComplianceCheck.RunText(manifest, "/project/models.yaml");
        return result.Manifest is null ? null : AnalyzerSnapshot.Write(manifest, result, SdkApiTable.Embedded);
    }

    /// <summary>The editor before a build: models.yaml alone (or with <paramref name="lastBuild"/>'s snapshot of an earlier text).</summary>
    public static AnalyzerTest InEditor(string source, string manifest, string? lastBuild = null)
    {
        var test = new AnalyzerTest(source, manifest, lastBuild is null ? Array.Empty<(string, string)>() : new[] { (SnapshotPath, lastBuild) });
        if (lastBuild is null) test.TestState.AdditionalFiles.RemoveAll(f => f.filename == SnapshotPath);
        return test;
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
        // A fix is made in the editor, where models.yaml has no build's verdicts yet: the fixes are checked here, the
        // stale-verdict notice in EditorManifestTests.
        DisabledDiagnostics.Add(Core.Diagnostics.DiagnosticIds.StaleVerdicts);
        DisabledDiagnostics.Add(Core.Diagnostics.DiagnosticIds.ModelReferenceFound);
    }
}
