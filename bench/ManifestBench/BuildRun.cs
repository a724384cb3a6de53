using System.Diagnostics;
using LicenceGuard.Core;
using LicenceGuard.Core.AnalyzerInput;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Output;

namespace LicenceGuard.Bench.Manifest;

/// <summary>
/// The gate's work in a build (LicenceGuardCheck), without MSBuild: the compliance run with the lock (drift at warning,
/// the default), then its two outputs the targets always ask for, each written atomically: the compliance manifest and
/// the analyzer snapshot. Timed per step.
/// </summary>
public static class BuildRun
{
    public sealed record Outcome(ComplianceRunResult Run, double RunMs, double ManifestMs, double SnapshotMs);

    public static Outcome Execute(BenchCase bench)
    {
        var clock = Stopwatch.StartNew();
        var run = ComplianceRun.Execute(new ComplianceRunInput(bench.ManifestPath)
        {
            Options = BenchCase.Options(),
            LockPath = bench.LockPath,
            DriftSeverity = Severity.Warning,
        });
        var runMs = clock.Elapsed.TotalMilliseconds;
        if (run.Document is null) return new Outcome(run, runMs, 0, 0);

        clock.Restart();
        ComplianceJson.WriteFile(bench.ComplianceManifestPath, run.Document);
        var manifestMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        AnalyzerSnapshot.WriteFile(bench.ManifestPath, run.Evaluation, bench.AnalyzerSnapshotPath);
        return new Outcome(run, runMs, manifestMs, clock.Elapsed.TotalMilliseconds);
    }
}
