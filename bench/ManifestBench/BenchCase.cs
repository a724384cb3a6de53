using System;
using System.IO;
using LicenceGuard.Core;
using LicenceGuard.Core.Approval;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Bench.Manifest;

/// <summary>
/// One folder with the generated models.yaml and an approved lock beside it, as a product's repository has them, and
/// the paths the build's outputs go to. The lock approves all but the last models (<see cref="ApprovedModels"/>), so
/// each run reports those as drift (LG1201) the way a build does after models were added and not yet approved.
/// </summary>
public sealed class BenchCase
{
    public BenchCase(string directory) => Directory = directory;

    public string Directory { get; }
    public string ManifestPath => Path.Combine(Directory, "models.yaml");
    public string LockPath => Path.Combine(Directory, ApprovalLock.FileName);
    public string OutputDirectory => Path.Combine(Directory, "obj");
    public string ComplianceManifestPath => Path.Combine(OutputDirectory, "compliance-manifest.json");
    public string AnalyzerSnapshotPath => Path.Combine(OutputDirectory, "analyzer-snapshot.tsv");

    /// <summary>All but the last hundredth, and at least one left unapproved, so that every run proves drift was computed.</summary>
    public static int ApprovedModels(int models) => models - Math.Max(1, models / 100);

    /// <summary>
    /// Writes models.yaml and the lock. Returns null when both were written, else why the lock was not: the approved
    /// manifest is evaluated like any other, so a refused one (over a limit) has no compliance manifest to approve.
    /// </summary>
    public string? Write(int models)
    {
        var catalogue = CatalogueLoader.LoadEmbedded();
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(ManifestPath, ManifestGenerator.Generate(ApprovedModels(models), catalogue));
        var approved = ComplianceRun.Execute(new ComplianceRunInput(ManifestPath) { Options = Options(), DriftSeverity = null });
        if (approved.Document != null) File.WriteAllText(LockPath, ApprovalLock.Create(approved.Document, "c.officer", ManifestGenerator.Today));
        File.WriteAllText(ManifestPath, ManifestGenerator.Generate(models, catalogue));
        return approved.Document is null ? RefusalReason(approved) : null;
    }

    public static PolicyOptions Options() => new() { Today = ManifestGenerator.Today };

    /// <summary>The first error of a run that produced no compliance manifest (the refusal itself, e.g. LG1052).</summary>
    public static string RefusalReason(ComplianceRunResult run)
    {
        foreach (var finding in run.Findings)
            if (finding.Severity == Severity.Error) return $"{finding.Id}: {finding.Message}";
        return "no compliance manifest and no error";
    }
}
