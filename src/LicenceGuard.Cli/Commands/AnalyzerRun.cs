using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using LicenceGuard.Analyzers;
using LicenceGuard.Analyzers.Detection;
using LicenceGuard.Core.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LicenceGuard.Cli.Commands;

/// <summary>
/// The build's analyzers run over a compilation with <see cref="CompilationWithAnalyzers"/>: the scan lists their LG0022
/// records, so `scan`, `init`, the CLI's compliance manifest and the build find the same references.
/// </summary>
internal static class AnalyzerRun
{
    public static List<ScanHit> Hits(Compilation compilation, IEnumerable<string> additionalFiles, string baseDir, string? manifestPath)
    {
        var files = additionalFiles.Distinct(StringComparer.Ordinal).Where(File.Exists).Select(p => (AdditionalText)new FileText(p)).ToList();
        // The analyzer looks only when there is a models.yaml: without one, every reference is undeclared.
        if (manifestPath is null && !files.Any(f => string.Equals(Path.GetFileName(f.Path), ModelReferenceAnalyzer.ManifestFileName, StringComparison.OrdinalIgnoreCase)))
            files.Add(new FileText(Path.Combine(baseDir, ModelReferenceAnalyzer.ManifestFileName), "models: []\n"));
        else if (manifestPath != null && !files.Any(f => string.Equals(f.Path, manifestPath, StringComparison.Ordinal))) files.Add(new FileText(manifestPath));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ModelReferenceAnalyzer(), new ConfigurationFileAnalyzer());
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(files.ToImmutableArray()), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        var diagnostics = compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        foreach (var failure in diagnostics.Where(d => d.Id == DiagnosticIds.AnalyzerInternalFailure))
            Console.Error.WriteLine("licenceguard: " + failure);
        return diagnostics.Where(d => d.Id == DiagnosticIds.ModelReferenceFound && d.Location.GetLineSpan().IsValid).Select(d =>
        {
            var span = d.Location.GetLineSpan();
            var p = d.Properties;
            return new ScanHit(ScanCommand.Relative(baseDir, span.Path), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1,
                p.GetValueOrDefault(References.Literal) ?? string.Empty, p.GetValueOrDefault(References.Kind) ?? string.Empty,
                p.GetValueOrDefault(References.Api), p.GetValueOrDefault(References.DeclaredModel));
        }).ToList();
    }

    /// <summary>An additional file read from disk (or given its text).</summary>
    private sealed class FileText : AdditionalText
    {
        private readonly string? _text;

        public FileText(string path, string? text = null)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) =>
            SourceText.From(_text ?? ScanFiles.Read(Path), Encoding.UTF8);
    }
}
