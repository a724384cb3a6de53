using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using LicenceGuard.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LicenceGuard.Analyzers;

/// <summary>
/// Model references in C#: LG0001-LG0008, the notices at models.yaml (LG0020, LG0021), one LG0022 record per reference
/// and LG0099. models.yaml arrives as an AdditionalFile; without one the analyzer is silent.
/// This class touches no LicenceGuard.Core type, so that it always loads: a failure to load Core (a file is missing) is caught in <see cref="OnCompilationStart"/> and reported as LG0099.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModelReferenceAnalyzer : DiagnosticAnalyzer
{
    public const string ManifestFileName = "models.yaml";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        UndeclaredModelRule.Descriptor,
        DeclaredModelFindingsRule.Descriptor,
        DataPerimeterRule.Descriptor,
        UnsafeModelFileRule.Descriptor,
        PossibleModelReferenceRule.Descriptor,
        ConfigurationModelRule.Descriptor,
        RuntimeModelRule.Descriptor,
        NoDeclaredModelRule.Descriptor,
        StaleVerdictsRule.Descriptor,
        ManifestNotReadRule.Descriptor,
        ModelReferenceRule.Descriptor,
        InternalFailureRule.Descriptor);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var manifest = FindManifest(context.Options.AdditionalFiles);
        if (manifest is null) return;
        try
        {
            RegisterSession(context, manifest);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException))
        {
            var text = FailureText.Of(ex);
            context.RegisterCompilationEndAction(end => end.ReportDiagnostic(
                Diagnostic.Create(InternalFailureRule.Descriptor, Location.None, "read " + ManifestFileName, text)));
        }
    }

    /// <summary>Not inlined: Core's types are resolved when this method is compiled, inside the caller's guard.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RegisterSession(CompilationStartAnalysisContext context, AdditionalText manifest)
    {
        var snapshot = FindSnapshot(context.Options.AdditionalFiles);
        CodeSession.Create(context.Compilation, manifest, snapshot, context.CancellationToken)?.Register(context);
        Manifest.ManifestNotices.Register(context, manifest, snapshot);
    }

    internal static AdditionalText? FindManifest(ImmutableArray<AdditionalText> files)
    {
        AdditionalText? found = null;
        foreach (var file in files)
        {
            if (!IsManifest(file.Path)) continue;
            // Deterministic when a project lists several: the shortest path (the project's own), then ordinal order.
            if (found is null || file.Path.Length < found.Path.Length ||
                file.Path.Length == found.Path.Length && string.CompareOrdinal(file.Path, found.Path) < 0) found = file;
        }
        return found;
    }

    /// <summary>The build gate's analyzer snapshot (obj/…/licenceguard/analyzer-snapshot.tsv), when the build passed one.</summary>
    internal static AdditionalText? FindSnapshot(ImmutableArray<AdditionalText> files)
    {
        foreach (var file in files)
            if (IsNamed(file.Path, SnapshotFileName)) return file;
        return null;
    }

    /// <summary>Core's AnalyzerSnapshot.FileName, repeated here because this class must not touch Core (see above).</summary>
    internal const string SnapshotFileName = "analyzer-snapshot.tsv";

    internal static bool IsManifest(string path) => IsNamed(path, ManifestFileName);

    private static bool IsNamed(string path, string fileName)
    {
        var name = path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);
        return string.Equals(name, fileName, StringComparison.OrdinalIgnoreCase);
    }

}
