using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenceGuard.Bench.Manifest;

/// <summary>Each operation's runs, as medians and as ratios to the baseline, with the verdict against the targets.</summary>
public sealed class Summary
{
    /// <summary>Issue 16: the 20,000-model manifest in at most 2 s and 200 MB (10^6 bytes), start-up included.</summary>
    public const int TargetModels = 20_000;
    public const double TargetSeconds = 2.0;
    public const double TargetMegabytes = 200.0;

    public sealed record Run(Measurement Measurement, Operation.Outcome Outcome);

    private readonly List<(Operation Operation, List<Run> Runs)> _rows = new();

    public void Add(Operation operation, Run run)
    {
        var row = _rows.FirstOrDefault(r => r.Operation == operation);
        if (row.Operation is null) _rows.Add(row = (operation, new List<Run>()));
        row.Runs.Add(run);
    }

    /// <summary>Prints the table and the verdicts; true when every judged operation met both targets.</summary>
    public bool Print(int models)
    {
        var baseline = _rows[0].Runs;
        var baseWall = Median(baseline.Select(r => r.Measurement.WallMs));
        var basePeak = Median(baseline.Select(r => (double)r.Measurement.PeakKiB));
        var baseCpu = Median(baseline.Select(r => r.Measurement.CpuMs));
        Console.WriteLine();
        Console.WriteLine($"{"operation",-42} {"wall s",7} {"in-proc s",9} {"CPU s",6} {"peak MB",8} {"wall ×a",8} {"CPU ×a",7} {"peak ×a",8}");
        foreach (var (operation, runs) in _rows)
        {
            if (runs.Any(r => r.Outcome.Refusal != null))
            {
                Console.WriteLine($"{operation.Label,-42} NO RESULT (a run did not evaluate the manifest; see below)");
                continue;
            }
            var wall = Median(runs.Select(r => r.Measurement.WallMs));
            var peak = Median(runs.Select(r => (double)r.Measurement.PeakKiB));
            var cpu = Median(runs.Select(r => r.Measurement.CpuMs));
            var inProcess = runs.All(r => r.Outcome.InProcessMs != null) ? $"{Median(runs.Select(r => r.Outcome.InProcessMs!.Value)) / 1000:0.00}" : "-";
            var mark = runs.Any(r => r.Outcome.Caveat != null) ? " (!) incomplete, see below" : "";
            Console.WriteLine($"{operation.Label,-42} {wall / 1000,7:0.00} {inProcess,9} {cpu / 1000,6:0.00} {Megabytes(peak),8:0} {wall / baseWall,8:0.0} {cpu / baseCpu,7:0.0} {peak / basePeak,8:0.0}{mark}");
        }
        Console.WriteLine("Medians of the runs; each run a fresh process, start-up included. in-proc: the operation's own clock;");
        Console.WriteLine("CPU: user + system time of the process (steadier than wall time on a shared machine); peak: max resident set.");
        Console.WriteLine();
        foreach (var (operation, runs) in _rows)
            Console.WriteLine($"{operation.Label}: " + string.Join("; ", runs.Select(r => r.Outcome.Refusal is null
                ? $"{r.Measurement.WallMs / 1000:0.00} s, {Megabytes(r.Measurement.PeakKiB):0} MB {r.Outcome.Details}"
                : $"{r.Measurement.WallMs / 1000:0.00} s, {Megabytes(r.Measurement.PeakKiB):0} MB")));
        return Verdicts(models);
    }

    private bool Verdicts(int models)
    {
        Console.WriteLine();
        var pass = true;
        foreach (var (operation, runs) in _rows.Skip(1))
        {
            var refusal = runs.Select(r => r.Outcome.Refusal).FirstOrDefault(r => r != null);
            if (refusal != null)
            {
                Console.WriteLine($"!!! {operation.Label}: REFUSED, NOT MEASURED: {refusal}");
                pass = false;
                continue;
            }
            var caveat = runs.Select(r => r.Outcome.Caveat).FirstOrDefault(c => c != null);
            if (caveat != null)
            {
                Console.WriteLine($"!!! {operation.Label}: INCOMPLETE, NOT JUDGED: {caveat}");
                pass = false;
                continue;
            }
            if (models != TargetModels)
            {
                Console.WriteLine($"{operation.Label}: not judged (the targets are for {TargetModels} models)");
                continue;
            }
            var seconds = Median(runs.Select(r => r.Measurement.WallMs)) / 1000;
            var megabytes = Megabytes(Median(runs.Select(r => (double)r.Measurement.PeakKiB)));
            var ok = seconds <= TargetSeconds && megabytes <= TargetMegabytes;
            pass &= ok;
            Console.WriteLine($"{operation.Label}: {(ok ? "PASS" : "FAIL")}: {seconds:0.00} s (target ≤ {TargetSeconds} s), {megabytes:0} MB (target ≤ {TargetMegabytes} MB)");
        }
        return pass;
    }

    private static double Megabytes(double kib) => kib * 1024 / 1_000_000;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
