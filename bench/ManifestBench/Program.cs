using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using LicenceGuard.Bench.Manifest;

// Usage: dotnet run -c Release --project bench/ManifestBench -- [--models 20000] [--runs 3] [--cli PATH|none] [--keep DIR]
// Generates a models.yaml of --models models (four lines each) with an approved lock beside it, then measures, each run
// in a fresh process: (a) a plain YamlDotNet load of the file, the baseline; (b) the gate's run as the build does it;
// (c) the CLI's check --output (PATH: licenceguard.dll; default: the Release build in this repository). Prints wall
// time, CPU time and peak resident memory (medians of --runs), their ratios to (a), and PASS/FAIL against issue 16's
// targets for 20,000 models. A run that refuses the manifest (e.g. LG1052, over the model limit) is reported as such.
// Exit 0 when every judged operation passed, 1 otherwise. See README.md.
if (args.Length > 0 && args[0] == ProcessMeasurement.RunnerVerb) return ProcessMeasurement.RunAndReport(args.Skip(1).ToList());
if (args.Length == 3 && (args[0] == ChildOperations.BaselineVerb || args[0] == ChildOperations.BuildVerb))
    return ChildOperations.Run(args[0], args[1], int.Parse(args[2], CultureInfo.InvariantCulture));

var options = new Dictionary<string, string>();
for (var i = 0; i + 1 < args.Length; i += 2) options[args[i]] = args[i + 1];
if (args.Length % 2 != 0 || options.Keys.Any(k => k is not ("--models" or "--runs" or "--cli" or "--keep")))
{
    Console.Error.WriteLine("usage: ManifestBench [--models N] [--runs R] [--cli PATH|none] [--keep DIR]");
    return 2;
}
var models = int.Parse(options.GetValueOrDefault("--models", "20000"), CultureInfo.InvariantCulture);
var runs = int.Parse(options.GetValueOrDefault("--runs", "3"), CultureInfo.InvariantCulture);
var cli = options.GetValueOrDefault("--cli") ?? DefaultCli();
var directory = options.GetValueOrDefault("--keep") ?? Directory.CreateTempSubdirectory("licenceguard-manifest-bench-").FullName;

var bench = new BenchCase(directory);
var lockProblem = bench.Write(models);
var text = File.ReadAllText(bench.ManifestPath);
var modelLines = text.Split('\n').SkipWhile(l => l != "models:").Skip(1).Count(l => l.Length > 0);
Console.WriteLine($"manifest: {bench.ManifestPath}: {models} models, {text.Length / 1e6:0.00} MB, {text.Length / Math.Max(models, 1)} bytes and {modelLines / (double)Math.Max(models, 1):0.#} lines per model");
Console.WriteLine(lockProblem is null
    ? $"lock: {bench.LockPath}: {new FileInfo(bench.LockPath).Length / 1e6:0.00} MB, approves the first {BenchCase.ApprovedModels(models)} models, so each run reports drift for the rest"
    : $"!!! lock: NOT WRITTEN: the approved manifest ({BenchCase.ApprovedModels(models)} models) was refused: {lockProblem}");

var operations = new List<Operation> { Operation.Baseline(bench, models), Operation.Build(bench, models) };
if (cli != "none" && File.Exists(cli)) operations.Add(Operation.Cli(bench, cli));
else Console.WriteLine($"(c) CLI: skipped ({(cli == "none" ? "--cli none" : cli + " not found: dotnet build src/LicenceGuard.Cli -c Release, or pass --cli PATH")})");

// Rounds alternate the operations, so that a busy moment of a shared machine falls on all of them alike.
var summary = new Summary();
for (var round = 1; round <= runs; round++)
    foreach (var operation in operations)
    {
        if (Directory.Exists(bench.OutputDirectory)) Directory.Delete(bench.OutputDirectory, recursive: true);
        var measurement = ProcessMeasurement.Measure(operation.Command);
        var outcome = operation.Read(measurement, models);
        summary.Add(operation, new Summary.Run(measurement, outcome));
        Console.WriteLine($"run {round}/{runs} {operation.Label}: {measurement.WallMs / 1000:0.00} s, {measurement.PeakKiB / 1024.0:0} MiB{(outcome.Refusal is null ? "" : ", REFUSED")}");
    }
var pass = summary.Print(models);
if (!options.ContainsKey("--keep")) Directory.Delete(directory, recursive: true);
return pass ? 0 : 1;

// The CLI this repository builds in Release, found from this program's folder (bench/ManifestBench/bin/Release/net10.0/).
static string DefaultCli()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "LicenceGuard.sln")))
            return Path.Combine(dir.FullName, "src", "LicenceGuard.Cli", "bin", "Release", "net10.0", "licenceguard.dll");
    return "licenceguard.dll";
}
