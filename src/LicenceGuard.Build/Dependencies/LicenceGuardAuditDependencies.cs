using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LicenceGuard.Core;
using LicenceGuard.Core.Dependencies;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Output;
using LicenceGuard.Core.Policy;
using LicenceGuard.Core.Yaml;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace LicenceGuard.Build.Dependencies;

/// <summary>
/// The dependency audit: every package of the restore graph (project.assets.json) with its licence from the packages
/// folder, judged by the <c>dependencies:</c> policy of models.yaml (LG1101, LG1102), and every model file shipped
/// inside a package checked against the declared models (LG1103). Writes dependencies.json, which the build gate embeds
/// in the compliance manifest. It never throws: a failure is one LG1104.
/// </summary>
public sealed class LicenceGuardAuditDependencies : LicenceGuardTask
{
    /// <summary>project.assets.json ($(ProjectAssetsFile)).</summary>
    [Required]
    public string AssetsFile { get; set; } = string.Empty;

    /// <summary>models.yaml; empty when there is none (then the default policy applies and no model is declared).</summary>
    public string? ManifestPath { get; set; }

    /// <summary>Where dependencies.json goes (obj/).</summary>
    [Required]
    public string ReportPath { get; set; } = string.Empty;

    /// <summary>Written when the audit is clean, so an unchanged build can skip the task.</summary>
    public string? StampPath { get; set; }

    /// <summary>Evaluate waivers as of this date (YYYY-MM-DD); empty means today (UTC).</summary>
    public string? Today { get; set; }

    /// <summary>Ask the package sources for licence data a nuspec lacks (LicenceGuardDependencyFeedLookup).</summary>
    public bool FeedLookup { get; set; }

    /// <summary>Where NuGet's settings are looked up from for the feed look-up: the project's folder.</summary>
    public string? ProjectDirectory { get; set; }

    protected override void OnUnexpected(Exception ex)
    {
        LogFinding(Finding.Create(DiagnosticIds.DependencyAuditFailed, $"the dependency audit failed: {ex.GetType().Name}: {ex.Message}", SourceLocation.None(AssetsFile)));
        // A report from an earlier run would describe another graph: better none in the compliance manifest.
        Delete(ReportPath);
    }

    protected override bool Run()
    {
        DeleteStamp();
        // A malformed LicenceGuardToday is the build gate's error to report (once); the audit then judges waivers as of today.
        if (string.IsNullOrWhiteSpace(Today) || !NodeReader.TryDate(Today!, out var today)) today = DateTime.UtcNow.Date;

        var manifest = ReadManifest(out var policy);
        var problems = new List<Finding>();
        var packages = ReadPackages(problems);
        var result = DependencyEvaluator.Evaluate(packages, policy, manifest, NuGetVersionRanges.Instance, today);
        result.Findings.InsertRange(0, problems);

        foreach (var finding in result.Findings) LogFinding(finding);
        ErrorCount = result.Findings.Count(f => f.EffectiveSeverity == Severity.Error);
        WarningCount = result.Findings.Count(f => f.EffectiveSeverity == Severity.Warning);

        var written = AtomicFile.WriteIfChanged(ReportPath, DependencyJsonWriter.ToJson(result, AssetsFile));
        Log.LogMessage(MessageImportance.Normal, written ? "LicenceGuard: wrote {0}" : "LicenceGuard: {0} is up to date", ReportPath);
        Log.LogMessage(MessageImportance.High, "LicenceGuard: dependencies: {0} package(s) audited, {1} model file(s) inside packages, {2} error(s), {3} warning(s)",
            result.Packages.Count, result.Packages.Sum(p => p.ModelFiles.Count), ErrorCount, WarningCount);

        // Errors in the policy itself (LG1002) are logged outside the findings: they too keep the audit running next build.
        if (ErrorCount == 0 && WarningCount == 0 && !Log.HasLoggedErrors && !string.IsNullOrWhiteSpace(StampPath))
            AtomicFile.WriteIfChanged(StampPath!, "clean\n");
        return !Log.HasLoggedErrors;
    }

    /// <summary>models.yaml's declared models and waivers, and its dependencies policy; errors in the policy are LG1002 at their line.</summary>
    private ModelsManifest? ReadManifest(out DependencyPolicy policy)
    {
        policy = DependencyPolicy.Default(ManifestPath ?? string.Empty);
        if (string.IsNullOrWhiteSpace(ManifestPath) || !File.Exists(ManifestPath)) return null;
        // Problems elsewhere in models.yaml are the build gate's to report (LicenceGuardCheck); this task reports its own section.
        var read = ManifestReader.ReadFile(ManifestPath!);
        if (read.Manifest is null) return null;
        var reader = new NodeReader((location, message) => LogFinding(Finding.Create(DiagnosticIds.ManifestInvalid, message, location)));
        policy = DependencyPolicyReader.Read(read.Manifest.DependencyPolicy, reader, NuGetVersionRanges.Instance, ManifestPath!);
        return read.Manifest;
    }

    private List<AuditedPackage> ReadPackages(List<Finding> problems)
    {
        var packages = new List<AuditedPackage>();
        if (!File.Exists(AssetsFile))
        {
            problems.Add(Finding.Create(DiagnosticIds.DependencyAuditFailed,
                $"the restore graph {AssetsFile} does not exist: restore the project first (dotnet restore)", SourceLocation.None(AssetsFile)));
            return packages;
        }
        RestoreGraph graph;
        try
        {
            graph = RestoreGraph.Read(AssetsFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or FormatException
            or InvalidOperationException or ArgumentException)
        {
            problems.Add(Finding.Create(DiagnosticIds.DependencyAuditFailed, $"the restore graph could not be read: {ex.Message}", SourceLocation.None(AssetsFile)));
            return packages;
        }

        FeedLicenceLookup? lookup = null;
        try
        {
            foreach (var package in graph.Packages)
            {
                var audited = PackageInspector.Inspect(package, graph.PackageFolders);
                if (FeedLookup && audited.Problem is null && audited.Licence.Source == LicenceSource.None)
                {
                    lookup ??= FeedLicenceLookup.FromSettings(string.IsNullOrWhiteSpace(ProjectDirectory) ? Path.GetDirectoryName(AssetsFile)! : ProjectDirectory!, TimeSpan.FromSeconds(30));
                    var fromFeed = lookup.Find(audited.Id, audited.Version, note => Log.LogMessage(MessageImportance.Normal, "LicenceGuard: feed look-up for {0}: {1}", audited.Display, note));
                    if (fromFeed != null) audited.Licence = fromFeed;
                }
                packages.Add(audited);
            }
        }
        finally
        {
            lookup?.Dispose();
        }
        return packages;
    }


    private void DeleteStamp() => Delete(StampPath);

    private static void Delete(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path)) return;
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
