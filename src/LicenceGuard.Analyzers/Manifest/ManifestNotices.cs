using System;
using LicenceGuard.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LicenceGuard.Analyzers.Manifest;

/// <summary>Reports a <see cref="ManifestNotice"/> (LG0020, LG0021) at its place in models.yaml, once per compilation.</summary>
internal static class ManifestNotices
{
    public static void Register(CompilationStartAnalysisContext context, AdditionalText manifest, AdditionalText? snapshot)
    {
        var text = manifest.GetText(context.CancellationToken);
        if (text is null) return;
        if (ManifestCache.Get(text, manifest.Path, snapshot?.GetText(context.CancellationToken)).Notice is not { } notice) return;
        context.RegisterAdditionalFileAction(c =>
        {
            if (!string.Equals(c.AdditionalFile.Path, manifest.Path, StringComparison.Ordinal)) return;
            var descriptor = notice.IsUnreadable ? ManifestNotReadRule.Descriptor : StaleVerdictsRule.Descriptor;
            c.ReportDiagnostic(Diagnostic.Create(descriptor, At(manifest.Path, text, notice.Location.Line, notice.Location.Column), notice.Message));
        });
    }

    /// <summary>From the 1-based line and column to the end of that line.</summary>
    private static Location At(string path, SourceText text, int line, int column)
    {
        if (text.Lines.Count == 0) return Location.Create(path, default, default);
        var textLine = text.Lines[Math.Max(0, Math.Min(line - 1, text.Lines.Count - 1))];
        var start = Math.Min(textLine.Start + Math.Max(0, column - 1), textLine.End);
        var span = TextSpan.FromBounds(start, textLine.End);
        return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
    }
}
