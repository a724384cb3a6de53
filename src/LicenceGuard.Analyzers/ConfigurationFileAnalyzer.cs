using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using LicenceGuard.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LicenceGuard.Analyzers;

/// <summary>
/// LG0006: model IDs in appsettings*.json AdditionalFiles that models.yaml does not declare. Like
/// <see cref="ModelReferenceAnalyzer"/>, this class touches no LicenceGuard.Core type, and load failures become LG0099.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConfigurationFileAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(ConfigurationModelRule.Descriptor, ModelReferenceRule.Descriptor, InternalFailureRule.Descriptor);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var manifest = ModelReferenceAnalyzer.FindManifest(context.Options.AdditionalFiles);
        if (manifest is null) return;
        try
        {
            RegisterSession(context, manifest);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException))
        {
            var text = FailureText.Of(ex);
            context.RegisterCompilationEndAction(end => end.ReportDiagnostic(
                Diagnostic.Create(InternalFailureRule.Descriptor, Location.None, "read " + ModelReferenceAnalyzer.ManifestFileName, text)));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RegisterSession(CompilationStartAnalysisContext context, AdditionalText manifest)
    {
        ConfigurationSession.Create(manifest, ModelReferenceAnalyzer.FindSnapshot(context.Options.AdditionalFiles)).Register(context);
    }
}
