using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Output;
using Microsoft.Build.Framework;

namespace LicenceGuard.Build;

/// <summary>
/// Completes the compliance manifest with where code references each declared model, after CoreCompile. The gate runs
/// before the compiler (so that a licence error stops the build early and the analyzer gets its snapshot), so it cannot
/// know what the analyzer finds; the analyzer reports every reference as LG0022 and the compiler writes them to its
/// SARIF log (ErrorLog), which this task reads. One detector for the editor, the build's diagnostics, `scan` and the
/// compliance manifest, and no second pass over the sources.
/// </summary>
public sealed class LicenceGuardCodeReferences : LicenceGuardTask
{
    /// <summary>The compiler's SARIF log of this compilation.</summary>
    [Required]
    public string ErrorLogPath { get; set; } = string.Empty;

    /// <summary>The gate's compliance manifest (obj/), completed in place.</summary>
    [Required]
    public string ComplianceManifestPath { get; set; } = string.Empty;

    /// <summary>models.yaml: the compliance manifest's paths are relative to its folder.</summary>
    [Required]
    public string ManifestPath { get; set; } = string.Empty;

    public string? ReportDirectory { get; set; }

    /// <summary>Where the report files written are listed, for the targets that copy them.</summary>
    public string? ReportListPath { get; set; }

    public string? LockPath { get; set; }

    /// <summary>warning (default) | error | none: how a change in where code uses a model since the approval is reported.</summary>
    public string? DriftSeverity { get; set; }

    /// <summary>LicenceGuardSarifLog: completed with the findings of this task, so that it holds every finding of the build.</summary>
    public string? SarifLogPath { get; set; }

    /// <summary>The gate's own SARIF log (obj/), which <see cref="SarifLogPath"/> is made from each time.</summary>
    public string? GateSarifLogPath { get; set; }

    protected override void OnUnexpected(Exception ex) =>
        Log.LogWarning(null, DiagnosticIds.AnalyzerInternalFailure, null, HelpLink(DiagnosticIds.AnalyzerInternalFailure),
            ErrorLogPath, 0, 0, 0, 0, "LicenceGuard could not add the code references to the compliance manifest: {0}: {1}", ex.GetType().Name, ex.Message);

    protected override bool Run()
    {
        // No log (the compiler did not run) or no manifest (the gate failed before writing one): nothing to complete.
        if (!File.Exists(ErrorLogPath) || !File.Exists(ComplianceManifestPath)) return true;
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(ManifestPath)) ?? ".";
        System.Collections.Generic.SortedDictionary<string, System.Collections.Generic.List<CodeLocation>> locations;
        try
        {
            locations = CodeReferences.FromSarif(File.ReadAllText(ErrorLogPath), baseDir);
        }
        catch (JsonException ex)
        {
            Log.LogWarning(null, DiagnosticIds.AnalyzerInternalFailure, null, HelpLink(DiagnosticIds.AnalyzerInternalFailure),
                ErrorLogPath, 0, 0, 0, 0, "the compiler's SARIF log cannot be read, so the compliance manifest lists no code locations: {0}", ex.Message);
            return true;
        }
        ComplianceDocument document;
        try
        {
            document = CodeReferences.Into(ComplianceJson.ReadFile(ComplianceManifestPath), locations);
        }
        catch (Exception ex) when (ex is JsonException || ex is IOException || ex is UnauthorizedAccessException)
        {
            Log.LogWarning(null, DiagnosticIds.AnalyzerInternalFailure, null, HelpLink(DiagnosticIds.AnalyzerInternalFailure),
                ComplianceManifestPath, 0, 0, 0, 0, "the compliance manifest cannot be read, so it lists no code locations: {0}", ex.Message);
            return true;
        }
        if (ComplianceJson.WriteFile(ComplianceManifestPath, document))
            Log.LogMessage(MessageImportance.Normal, "LicenceGuard: {0} code reference(s) to declared models added to {1}", locations.Values.Sum(l => l.Count), ComplianceManifestPath);
        var approved = Core.Approval.ApprovalLock.Load(LockPath);
        ComplianceReports.Write(Log, document, ReportDirectory, ReportListPath, approved?.Document);
        // Only now is it known where code uses each model; the gate reported every other change since the approval.
        var codeUse = Core.Approval.DriftSeverity.TryParse(DriftSeverity, out var severity) && severity is { } s
            ? Core.Approval.DriftCheck.Run(ManifestPath, document, approved, s, codeUseOnly: true)
            : new System.Collections.Generic.List<Core.Policy.Finding>();
        foreach (var finding in codeUse)
        {
            LogFinding(finding);
            var reported = Policy.Reported(finding);
            if (reported == Core.Severity.Error) ErrorCount++;
            else if (reported == Core.Severity.Warning) WarningCount++;
        }
        // From the gate's own log each time, so that a finding is never appended twice.
        if (!string.IsNullOrWhiteSpace(SarifLogPath) && !string.IsNullOrWhiteSpace(GateSarifLogPath) && File.Exists(GateSarifLogPath))
            AtomicFile.WriteIfChanged(SarifLogPath!, Core.Reports.SarifWriter.Append(File.ReadAllText(GateSarifLogPath), codeUse, HelpBase));
        return !Log.HasLoggedErrors;
    }
}
