using System;
using System.IO;
using System.Linq;
using LicenceGuard.Core;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Files;
using LicenceGuard.Core.Output;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Cli.Commands;

/// <summary>
/// The compliance manifest the report and approve verbs work from: a compliance-manifest.json as the build wrote it,
/// or models.yaml evaluated here the way the build does (code under its folder scanned, attestations read).
/// </summary>
internal sealed class ComplianceInput
{
    private ComplianceInput(ComplianceDocument document, string directory, int errors)
    {
        Document = document;
        Directory = directory;
        Errors = errors;
    }

    public ComplianceDocument Document { get; }
    /// <summary>The folder of models.yaml (or of the JSON given), where models.lock.json lives.</summary>
    public string Directory { get; }
    /// <summary>Unwaived errors: of this evaluation, or as a compliance manifest JSON records them in its summary.</summary>
    public int Errors { get; }

    public static ComplianceInput? Load(string? path, string? today, bool quiet)
    {
        path ??= ManifestLocator.Find(System.IO.Directory.GetCurrentDirectory());
        if (path is null)
        {
            Console.Error.WriteLine("licenceguard: no models.yaml here or in a parent folder; pass --manifest FILE");
            return null;
        }
        if (SafeFile.Refusal(path) is { } refusal)
        {
            Console.Error.WriteLine($"{path}: error {DiagnosticIds.ManifestUnreadable}: {refusal}");
            return null;
        }
        var dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var document = ComplianceJson.ReadFile(path);
                // The build counted the errors when it wrote the manifest: report's exit code follows them.
                return new ComplianceInput(document, dir, document.Summary.Errors);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Text.Json.JsonException)
            {
                Console.Error.WriteLine($"{path}: error {DiagnosticIds.ManifestUnreadable}: not a compliance manifest this version can read: {ex.Message}");
                return null;
            }
        }

        var options = new PolicyOptions();
        if (today != null)
        {
            if (!Core.Yaml.NodeReader.TryDate(today, out var day))
            {
                Console.Error.WriteLine($"licenceguard: --today must be YYYY-MM-DD, not '{today}'");
                return null;
            }
            options.Today = day;
        }
        // The build's run without drift: report and approve compare with the lock themselves.
        var run = ComplianceRun.Execute(new ComplianceRunInput(path) { Options = options, CodeLocations = ScanCommand.CodeLocations(dir), DriftSeverity = null });
        var result = run.Evaluation;
        if (!quiet)
            foreach (var f in result.Findings.Where(f => f.EffectiveSeverity != Severity.Info)) Console.Error.WriteLine(f.ToMsBuildString());
        if (result.Manifest is null) return null;
        return new ComplianceInput(run.Document!, dir, result.Count(Severity.Error));
    }
}
