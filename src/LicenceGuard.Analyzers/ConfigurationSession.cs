using System;
using LicenceGuard.Analyzers.Detection;
using LicenceGuard.Analyzers.Manifest;
using LicenceGuard.Analyzers.Rules;
using LicenceGuard.Core.CodeApis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LicenceGuard.Analyzers;

/// <summary>The per-compilation part of <see cref="ConfigurationFileAnalyzer"/>; like <see cref="CodeSession"/>, it is where Core is first touched.</summary>
internal sealed class ConfigurationSession
{
    private readonly AdditionalText _manifest;
    private readonly AdditionalText? _snapshot;

    private ConfigurationSession(AdditionalText manifest, AdditionalText? snapshot)
    {
        _manifest = manifest;
        _snapshot = snapshot;
    }

    /// <summary>Nothing is parsed here: most projects have no appsettings*.json AdditionalFile, and those that do pay
    /// for models.yaml when the first one is read (the parse is shared with the code analyzer).</summary>
    public static ConfigurationSession Create(AdditionalText manifest, AdditionalText? snapshot) => new(manifest, snapshot);

    public void Register(CompilationStartAnalysisContext context) => context.RegisterAdditionalFileAction(OnFile);

    private void OnFile(AdditionalFileAnalysisContext context)
    {
        var file = context.AdditionalFile;
        if (!ConfigFileScanner.IsConfigFile(file.Path)) return;
        try
        {
            var manifestText = _manifest.GetText(context.CancellationToken);
            var text = file.GetText(context.CancellationToken);
            if (manifestText is null || text is null) return;
            var state = ManifestCache.Get(manifestText, _manifest.Path, _snapshot?.GetText(context.CancellationToken));
            foreach (var value in ConfigFileScanner.Scan(text.ToString()))
            {
                var span = new TextSpan(value.Start, value.Length);
                var location = Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
                var declared = state.Find(value.Value);
                References.Report(value.Value, ReferenceKinds.ConfigValue, value.Path, declared, location, context.ReportDiagnostic);
                if (declared != null) continue;
                var match = ModelClassification.Match(state.Catalogue, value.Value);
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
