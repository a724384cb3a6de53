using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using LicenceGuard.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace LicenceGuard.Bench.Manifest;

/// <summary>
/// What a fresh child process does, once, and reports on one line for the parent: the baseline (a plain YamlDotNet
/// load of the file) or the gate's build run. A run that refused the manifest reports the refusal, never a time.
/// </summary>
public static class ChildOperations
{
    public const string BaselineVerb = "child-yaml-load";
    public const string BuildVerb = "child-build-run";
    public const string ResultTag = "@result";
    public const string RefusedTag = "@refused";

    public static int Run(string verb, string directory, int models)
    {
        var bench = new BenchCase(directory);
        return verb == BaselineVerb ? LoadYaml(bench, models) : RunBuild(bench, models);
    }

    private static int LoadYaml(BenchCase bench, int models)
    {
        var clock = Stopwatch.StartNew();
        var stream = new YamlStream();
        using (var reader = File.OpenText(bench.ManifestPath)) stream.Load(reader);
        var ms = clock.Elapsed.TotalMilliseconds;
        // Counted after the clock stopped: proof that the baseline read the whole file.
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var count = ((YamlSequenceNode)root.Children[new YamlScalarNode("models")]).Children.Count;
        return Report(ms, count, models, "");
    }

    private static int RunBuild(BenchCase bench, int models)
    {
        var outcome = BuildRun.Execute(bench);
        var run = outcome.Run;
        if (run.Document is null)
        {
            Console.WriteLine($"{RefusedTag} {BenchCase.RefusalReason(run)}");
            return 3;
        }
        var drift = run.Findings.Count(f => f.Id == DiagnosticIds.DriftFromApproved);
        var steps = FormattableString.Invariant($"run_ms={outcome.RunMs:0} manifest_ms={outcome.ManifestMs:0} snapshot_ms={outcome.SnapshotMs:0} findings={run.Findings.Count} drift={drift}");
        foreach (var unusable in run.Findings.Where(f => f.Id == DiagnosticIds.LockUnreadable)) Console.WriteLine($"{unusable.Id}: {unusable.Message}");
        return Report(outcome.RunMs + outcome.ManifestMs + outcome.SnapshotMs, run.Evaluation.Models.Count, models, steps);
    }

    private static int Report(double ms, int counted, int models, string details)
    {
        if (counted != models)
        {
            Console.WriteLine($"{RefusedTag} {counted} of {models} models were read");
            return 3;
        }
        // Everything the process allocated on the managed heap, start-up included: what the peak memory is made of.
        var allocatedMb = GC.GetTotalAllocatedBytes(precise: true) / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ResultTag} op_ms={ms:0} models={counted} allocated_mb={allocatedMb:0} {details}").TrimEnd());
        return 0;
    }
}
