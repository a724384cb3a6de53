using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using LicenceGuard.Core;
using LicenceGuard.Core.AnalyzerInput;
using LicenceGuard.Core.Approval;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Files;
using LicenceGuard.Core.Output;
using LicenceGuard.Core.Policy;
using LicenceGuard.Core.Reports;
using LicenceGuard.Core.Yaml;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace LicenceGuard.Build;

/// <summary>
/// The build gate: evaluates models.yaml against the catalogue and the organisation's figures, logs every finding at
/// its models.yaml line, and writes the generated compliance manifest. It never throws: an internal failure is one
/// LicenceGuard error, not MSB4018.
/// </summary>
public sealed class LicenceGuardCheck : LicenceGuardTask
{
    /// <summary>models.yaml; empty when none was found (then the task says how to start).</summary>
    public string? ManifestPath { get; set; }

    /// <summary>Organisation catalogue files or folders (LicenceGuardCatalogue items).</summary>
    public ITaskItem[]? CatalogueFiles { get; set; }

    public string? ThresholdMargin { get; set; }

    public string? CatalogueMaxAgeDays { get; set; }

    /// <summary>Evaluate as of this date (YYYY-MM-DD); empty means today (UTC).</summary>
    public string? Today { get; set; }

    /// <summary>Where the compliance manifest JSON goes (obj/).</summary>
    [Required]
    public string ComplianceManifestPath { get; set; } = string.Empty;

    /// <summary>Written when the check is clean (no errors, no warnings), so an unchanged build can skip the task.</summary>
    public string? StampPath { get; set; }

    /// <summary>The dependency audit's dependencies.json, embedded as the manifest's <c>dependencies</c> section when it exists.</summary>
    public string? DependenciesReportPath { get; set; }

    /// <summary>Hardware attestations (LicenceGuardAttestation items, obj/…/licenceguard/attestations/*.json) to embed.</summary>
    public ITaskItem[]? AttestationFiles { get; set; }

    /// <summary>models.lock.json, the approved compliance manifest; drift from it is LG1201. Absent file: nothing approved yet.</summary>
    public string? LockPath { get; set; }

    /// <summary>warning (default) | error | none: how drift from the approved lock is reported.</summary>
    public string? DriftSeverity { get; set; }

    /// <summary>When set (LicenceGuardReport=true): the folder for the HTML report, Markdown summary, CycloneDX BOM and MODEL-NOTICES.txt.</summary>
    public string? ReportDirectory { get; set; }

    /// <summary>Where the task lists the report files it wrote, one per line, for the targets that copy them.</summary>
    public string? ReportListPath { get; set; }

    /// <summary>The SHA-256 cache of weights files (obj/), so unchanged multi-gigabyte files re-verify in milliseconds.</summary>
    public string? WeightsCachePath { get; set; }

    /// <summary>Where the task lists the files it read beyond its declared inputs (weights files, the organisation catalogue files models.yaml names), so that the next build treats them as inputs.</summary>
    public string? WeightsInputsPath { get; set; }

    /// <summary>LicenceGuardSarifLog: when set, the findings are also written there as a SARIF 2.1.0 log.</summary>
    public string? SarifLogPath { get; set; }

    /// <summary>A copy of the gate's SARIF log (obj/), which the code-references task completes into <see cref="SarifLogPath"/> after the compiler.</summary>
    public string? GateSarifLogPath { get; set; }

    /// <summary>Where the analyzer's snapshot of this evaluation goes (obj/); the build passes it to the compiler.</summary>
    public string? AnalyzerSnapshotPath { get; set; }

    /// <summary>
    /// An editor's design-time build (or `licenceguard scan`'s): only the analyzer's snapshot is written. The compliance
    /// manifest, its reports and the SARIF log stay the real build's, which completes them after the compiler ran; a
    /// design-time run would replace them with versions that lack the code locations.
    /// </summary>
    public bool DesignTime { get; set; }

    /// <summary>Bad input is handled in <see cref="Run"/> as located findings; this keeps MSB4018 out of the build.</summary>
    protected override void OnUnexpected(Exception ex) =>
        Log.LogError(null, DiagnosticIds.ManifestUnreadable, null, HelpLink(DiagnosticIds.ManifestUnreadable),
            ManifestPath ?? string.Empty, 0, 0, 0, 0, "LicenceGuard could not check the manifest: {0}: {1}", ex.GetType().Name, ex.Message);

    protected override bool Run()
    {
        DeleteStamp();
        if (!string.IsNullOrWhiteSpace(ManifestPath) && FileStatus.Of(ManifestPath!).Kind is FileKind.Directory or FileKind.Special)
        {
            Log.LogError(null, DiagnosticIds.ManifestUnreadable, null, HelpLink(DiagnosticIds.ManifestUnreadable), ManifestPath, 0, 0, 0, 0,
                "LicenceGuardManifest cannot be read: {0}", SafeFile.Refusal(ManifestPath!));
            return false;
        }
        if (string.IsNullOrWhiteSpace(ManifestPath) || !File.Exists(ManifestPath))
        {
            // Located at the project when there is no models.yaml to point at (else MSBuild names LicenceGuard's targets file).
            var at = string.IsNullOrWhiteSpace(ManifestPath) ? BuildEngine?.ProjectFileOfTaskNode ?? string.Empty : ManifestPath!;
            Log.LogError(null, DiagnosticIds.ManifestUnreadable, null, HelpLink(DiagnosticIds.ManifestUnreadable), at, 0, 0, 0, 0,
                "no models.yaml found beside the project or above it: create one (licenceguard init), set LicenceGuardManifest, or set LicenceGuardEnabled=false");
            return false;
        }

        var options = new PolicyOptions();
        if (!string.IsNullOrWhiteSpace(ThresholdMargin))
        {
            if (!PolicyOptionText.TryMargin(ThresholdMargin!, out var margin))
                return Fail($"LicenceGuardThresholdMargin must be {PolicyOptionText.MarginExpected}, not '{ThresholdMargin}'");
            options.ThresholdMargin = margin;
        }
        if (!string.IsNullOrWhiteSpace(CatalogueMaxAgeDays))
        {
            if (!PolicyOptionText.TryMaxAgeDays(CatalogueMaxAgeDays!, out var days))
                return Fail($"LicenceGuardCatalogueMaxAgeDays must be {PolicyOptionText.MaxAgeExpected}, not '{CatalogueMaxAgeDays}'");
            options.CatalogueMaxAgeDays = days;
        }
        if (!string.IsNullOrWhiteSpace(Today))
        {
            if (!Core.Yaml.NodeReader.TryDate(Today!, out var today)) return Fail($"LicenceGuardToday must be YYYY-MM-DD, not '{Today}'");
            options.Today = today;
        }

        if (!Core.Approval.DriftSeverity.TryParse(DriftSeverity, out var driftSeverity))
            return Fail($"LicenceGuardDriftSeverity must be warning, error or none, not '{DriftSeverity}'");

        // The code locations join the manifest after CoreCompile, from the analyzer (LicenceGuardCodeReferences): this
        // task runs before the compiler, so the run gets none.
        var run = ComplianceRun.Execute(new ComplianceRunInput(ManifestPath!)
        {
            Options = options,
            ExtraCatalogue = (CatalogueFiles ?? Array.Empty<ITaskItem>()).Select(i => i.GetMetadata("FullPath")).ToList(),
            Weights = new Core.Weights.WeightsVerifierOptions { CachePath = string.IsNullOrWhiteSpace(WeightsCachePath) ? null : WeightsCachePath },
            AttestationFiles = FullPaths(AttestationFiles),
            DependenciesJson = string.IsNullOrWhiteSpace(DependenciesReportPath) ? null : SafeFile.ReadAllText(DependenciesReportPath!, YamlLimits.Default.MaxBytes, out _),
            LockPath = LockPath,
            DriftSeverity = driftSeverity,
        });
        var result = run.Evaluation;
        WriteWeightsInputs(result);
        // The code rules' view of this run, every finding included, so the analyzer in the compiler neither parses YAML
        // nor evaluates, and relays what the build reports.
        if (!string.IsNullOrWhiteSpace(AnalyzerSnapshotPath)) AnalyzerSnapshot.WriteFile(ManifestPath!, result, AnalyzerSnapshotPath!);
        foreach (var finding in result.Findings) LogFinding(finding);
        if (!string.IsNullOrWhiteSpace(SarifLogPath) && !DesignTime)
        {
            var sarif = Core.Reports.SarifWriter.Generate(result.Findings, HelpBase);
            AtomicFile.WriteIfChanged(SarifLogPath!, sarif);
            if (!string.IsNullOrWhiteSpace(GateSarifLogPath)) AtomicFile.WriteIfChanged(GateSarifLogPath!, sarif);
        }

        // As logged: NoWarn silences, WarningsAsErrors promotes (the CLI's summary and exit code count the same way).
        var policy = Policy;
        ErrorCount = result.Findings.Count(f => policy.Reported(f) == Severity.Error);
        WarningCount = result.Findings.Count(f => policy.Reported(f) == Severity.Warning);
        if (run.Document != null && !DesignTime)
        {
            var written = Core.Document.ComplianceJson.WriteFile(ComplianceManifestPath, run.Document);
            Log.LogMessage(MessageImportance.Normal, written ? "LicenceGuard: wrote {0}" : "LicenceGuard: {0} is up to date", ComplianceManifestPath);
            ComplianceReports.Write(Log, run.Document, ReportDirectory, ReportListPath, run.Approved);
        }
        // Says what it counted: the compiler reports model references in code (LG0xxx) on its own.
        Log.LogMessage(MessageImportance.High, "LicenceGuard: {0}: {1} declared model(s) checked, {2} error(s), {3} warning(s), {4} waived; model references in code are the compiler's LG0xxx",
            Path.GetFileName(ManifestPath), result.Models.Count, ErrorCount, WarningCount, result.Findings.Count(f => f.IsWaived));

        if (ErrorCount == 0 && WarningCount == 0 && !string.IsNullOrWhiteSpace(StampPath))
            AtomicFile.WriteIfChanged(StampPath!, "clean\n");
        return !Log.HasLoggedErrors;
    }

    /// <summary>
    /// A changed weights file or organisation catalogue file (one that models.yaml's settings.catalogue names) must
    /// re-run the check even when models.yaml did not change: an edited override is evaluated, not skipped.
    /// </summary>
    private void WriteWeightsInputs(Core.Policy.EvaluationResult result)
    {
        if (string.IsNullOrWhiteSpace(WeightsInputsPath) || result.Manifest is null) return;
        var dir = Path.GetDirectoryName(Path.GetFullPath(ManifestPath!)) ?? ".";
        var files = result.Manifest.Models.SelectMany(m => m.Weights).Select(w => Path.GetFullPath(Path.Combine(dir, w.Path.Value)))
            .Concat(result.Catalogue.OrganisationFiles)
            .Where(SafeFile.IsRegular).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal);
        AtomicFile.WriteIfChanged(WeightsInputsPath!, string.Join("\n", files) + "\n");
    }

    private static string[] FullPaths(ITaskItem[]? items) =>
        (items ?? Array.Empty<ITaskItem>()).Select(i => i.GetMetadata("FullPath")).Where(p => !string.IsNullOrEmpty(p)).ToArray();

    private bool Fail(string message)
    {
        Log.LogError(null, DiagnosticIds.ManifestInvalid, null, HelpLink(DiagnosticIds.ManifestInvalid), string.Empty, 0, 0, 0, 0, "{0}", message);
        return false;
    }

    private void DeleteStamp()
    {
        if (string.IsNullOrWhiteSpace(StampPath) || !File.Exists(StampPath)) return;
        try { File.Delete(StampPath); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
