using System;
using LicenceGuard.Analyzers.Detection;
using LicenceGuard.Analyzers.Manifest;
using LicenceGuard.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LicenceGuard.Analyzers;

/// <summary>The per-compilation part of <see cref="ConfigurationFileAnalyzer"/>; like <see cref="CodeSession"/>, it is where Core is first touched.</summary>
internal sealed class ConfigurationSession
{
    private readonly ManifestState _state;

    private ConfigurationSession(ManifestState state) => _state = state;

    public static ConfigurationSession? Create(AdditionalText manifest, System.Threading.CancellationToken cancellation)
    {
        var text = manifest.GetText(cancellation);
        if (text is null) return null;
        var state = ManifestCache.Get(text, manifest.Path);
        return state.Manifest is null ? null : new ConfigurationSession(state);
    }

    public void Register(CompilationStartAnalysisContext context) => context.RegisterAdditionalFileAction(OnFile);

    private void OnFile(AdditionalFileAnalysisContext context)
    {
        var file = context.AdditionalFile;
        if (!ConfigFileScanner.IsConfigFile(file.Path)) return;
        try
        {
            var text = file.GetText(context.CancellationToken);
            if (text is null) return;
            foreach (var value in ConfigFileScanner.Scan(text.ToString()))
            {
                if (_state.Find(value.Value) != null) continue;
                var match = ModelClassification.Match(_state.Catalogue, value.Value);
                var span = new TextSpan(value.Start, value.Length);
                var location = Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
                context.ReportDiagnostic(Diagnostic.Create(ConfigurationModelRule.Descriptor, location,
                    ModelClassification.Properties(value.Value, ReferenceKinds.ConfigValue, match),
                    value.Value, value.Path, ModelClassification.Describe(match)));
            }
        }
        catch (Exception ex) when (!(ex is OperationCanceledException))
        {
            context.ReportDiagnostic(Diagnostic.Create(InternalFailureRule.Descriptor, Location.Create(file.Path, default, default),
                "read " + file.Path, FailureText.Of(ex)));
        }
    }
}
