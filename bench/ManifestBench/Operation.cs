using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using LicenceGuard.Core.Diagnostics;

namespace LicenceGuard.Bench.Manifest;

/// <summary>One measured operation: the command of its fresh process and how to read what the process printed.</summary>
public sealed class Operation
{
    private Operation(string label, IReadOnlyList<string> command, Func<Measurement, int, Outcome> read)
    {
        Label = label;
        Command = command;
        Read = read;
    }

    public string Label { get; }
    public IReadOnlyList<string> Command { get; }

    /// <summary>Reads a measurement given the expected model count: the time in-process if printed, or why it is no result.</summary>
    public Func<Measurement, int, Outcome> Read { get; }

    /// <summary>
    /// What one run of an operation gave: a refusal or failure has a reason and must not count as a time; a run that
    /// did not do all the work (drift not computed because the lock could not be used) has a caveat and cannot pass.
    /// </summary>
    public sealed record Outcome(double? InProcessMs, string? Details, string? Refusal, string? Caveat = null);

    public static Operation Baseline(BenchCase bench, int models) =>
        new("(a) YamlDotNet YamlStream.Load (baseline)", Child(ChildOperations.BaselineVerb, bench, models), ReadChild);

    public static Operation Build(BenchCase bench, int models) =>
        new("(b) build: ComplianceRun + outputs", Child(ChildOperations.BuildVerb, bench, models), ReadChild);

    /// <summary>The CLI as a user runs it: <c>dotnet licenceguard.dll check --output</c> with the lock.</summary>
    public static Operation Cli(BenchCase bench, string cliDll) =>
        new("(c) CLI: licenceguard check --output", new[]
        {
            "dotnet", cliDll, "check", "--manifest", bench.ManifestPath, "--lock", bench.LockPath,
            "--today", ManifestGenerator.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--output", bench.ComplianceManifestPath,
        }, ReadCli);

    private static IReadOnlyList<string> Child(string verb, BenchCase bench, int models) =>
        ProcessMeasurement.Self().Concat(new[] { verb, bench.Directory, models.ToString(CultureInfo.InvariantCulture) }).ToList();

    private static Outcome ReadChild(Measurement m, int models)
    {
        var lines = m.Output.Split('\n');
        var refused = lines.FirstOrDefault(l => l.StartsWith(ChildOperations.RefusedTag, StringComparison.Ordinal));
        if (refused != null) return new Outcome(null, null, refused.Substring(ChildOperations.RefusedTag.Length).Trim());
        var result = lines.FirstOrDefault(l => l.StartsWith(ChildOperations.ResultTag, StringComparison.Ordinal));
        if (result is null || m.ExitCode != 0) return new Outcome(null, null, $"exit {m.ExitCode} without a result:\n{m.Output}");
        var fields = result.Substring(ChildOperations.ResultTag.Length).Trim();
        var opMs = double.Parse(Regex.Match(fields, @"op_ms=(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var drift = Regex.Match(fields, @"drift=(\d+)");
        return new Outcome(opMs, fields, null, drift.Success ? DriftCaveat(int.Parse(drift.Groups[1].Value, CultureInfo.InvariantCulture), models, m.Output) : null);
    }

    /// <summary>Null when the run reported one drift finding per model the lock does not approve, else what went wrong.</summary>
    private static string? DriftCaveat(int drift, int models, string output)
    {
        var expected = models - BenchCase.ApprovedModels(models);
        if (drift == expected) return null;
        var unusable = output.Split('\n').FirstOrDefault(l => l.Contains(DiagnosticIds.LockUnreadable + ":", StringComparison.Ordinal));
        return $"drift not computed: {drift} of {expected} {DiagnosticIds.DriftFromApproved} findings{(unusable is null ? "" : "; " + unusable.Trim())}";
    }

    /// <summary>
    /// check prints "models.yaml: N declared model(s) checked" last; a refusal (LG1052 over the model limit) checks 0,
    /// exit 2 is input it could not read, exit 1 is findings (expected: the mix has errors).
    /// </summary>
    private static Outcome ReadCli(Measurement m, int models)
    {
        var counted = Regex.Match(m.Output, @"(\d+) declared model\(s\) checked.*");
        var firstError = m.Output.Split('\n').FirstOrDefault(l => l.Contains($" {DiagnosticIds.InputOverLimit}: ", StringComparison.Ordinal))
            ?? m.Output.Split('\n').FirstOrDefault(l => l.Contains(": error ", StringComparison.Ordinal));
        if (!counted.Success || m.ExitCode > 1) return new Outcome(null, null, $"exit {m.ExitCode}: {firstError ?? m.Output}");
        if (int.Parse(counted.Groups[1].Value, CultureInfo.InvariantCulture) != models) return new Outcome(null, null, $"{counted.Value.Trim()}; {firstError}");
        var drift = Regex.Matches(m.Output, $" {DiagnosticIds.DriftFromApproved}: ").Count;
        return new Outcome(null, counted.Value.Trim(), null, DriftCaveat(drift, models, m.Output));
    }
}
