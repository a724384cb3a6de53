using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using LicenceGuard.Core;
using LicenceGuard.Core.Approval;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Files;
using LicenceGuard.Core.Output;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Cli.Commands;

/// <summary><c>licenceguard check [--manifest FILE]</c>: the build's evaluation outside a build, in MSBuild's format.</summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var manifest = new Option<string?>("--manifest", "-m") { Description = "models.yaml to check (default: ./models.yaml, else the nearest one up the tree)" };
        var catalogue = new Option<string[]>("--catalogue") { Description = "extra catalogue files or folders (organisation overrides)", AllowMultipleArgumentsPerToken = true };
        var margin = new Option<double?>("--margin") { Description = "threshold margin as a fraction (0.1 warns from 90% of a threshold)" };
        var output = new Option<string?>("--output", "-o") { Description = "also write the compliance manifest JSON to this file" };
        var today = new Option<string?>("--today") { Description = "evaluate as of this date (YYYY-MM-DD), for waivers and catalogue age" };
        var format = new Option<string>("--format", "-f") { Description = "text (MSBuild's format) or sarif (SARIF 2.1.0 on stdout, for code scanning)", DefaultValueFactory = _ => "text" };
        var lockOption = new Option<string?>("--lock") { Description = "the approved lock to report drift against (default: models.lock.json beside models.yaml)" };
        var drift = new Option<string?>("--drift-severity") { Description = "warning (default), error or none: how drift from the lock is reported, as LicenceGuardDriftSeverity" };
        var snapshot = new Option<string?>("--analyzer-snapshot") { Description = "also write the analyzer's snapshot of this evaluation to this file (what the build passes to the compiler as an additional file)" };
        var command = new Command("check", "Check models.yaml against the licence catalogue and the organisation's figures")
        {
            manifest, catalogue, margin, output, today, format, lockOption, drift, snapshot,
        };
        command.SetAction(parse => Run(parse.GetValue(manifest), parse.GetValue(catalogue) ?? Array.Empty<string>(), parse.GetValue(margin), parse.GetValue(output), parse.GetValue(today),
            parse.GetValue(format)!, parse.GetValue(lockOption), parse.GetValue(drift), parse.GetValue(snapshot)));
        return command;
    }

    private static int Run(string? manifestPath, string[] catalogue, double? margin, string? output, string? today, string format, string? lockFile, string? drift, string? snapshot)
    {
        if (!DriftSeverity.TryParse(drift, out var driftSeverity))
        {
            Console.Error.WriteLine($"licenceguard: --drift-severity must be warning, error or none, not '{drift}'");
            return ExitCodes.BadInput;
        }
        var sarif = string.Equals(format, "sarif", StringComparison.OrdinalIgnoreCase);
        if (!sarif && !string.Equals(format, "text", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine($"licenceguard: --format must be text or sarif, not '{format}'");
            return ExitCodes.BadInput;
        }
        var path = manifestPath ?? ManifestLocator.Find(Directory.GetCurrentDirectory());
        if (path is null)
        {
            Console.Error.WriteLine("licenceguard: no models.yaml here or in a parent folder; pass --manifest FILE or run `licenceguard init`");
            return ExitCodes.BadInput;
        }
        if (SafeFile.Refusal(path) is { } refusal)
        {
            Console.Error.WriteLine($"{path}: error {DiagnosticIds.ManifestUnreadable}: {refusal}");
            return ExitCodes.BadInput;
        }
        var options = new PolicyOptions();
        if (margin is { } m) options.ThresholdMargin = m;
        if (today != null)
        {
            if (!Core.Yaml.NodeReader.TryDate(today, out var day))
            {
                Console.Error.WriteLine($"licenceguard: --today must be YYYY-MM-DD, not '{today}'");
                return ExitCodes.BadInput;
            }
            options.Today = day;
        }
        // The build's run, with the code locations the analyzers find in the code under models.yaml's folder.
        var dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var run = ComplianceRun.Execute(new ComplianceRunInput(path)
        {
            Options = options,
            ExtraCatalogue = catalogue,
            CodeLocations = ScanCommand.CodeLocations(dir),
            LockPath = lockFile ?? Path.Combine(dir, ApprovalLock.FileName),
            DriftSeverity = driftSeverity,
        });
        var result = run.Evaluation;
        // With SARIF on stdout, the people's lines go to stderr.
        var stdout = sarif ? Console.Error : Console.Out;
        foreach (var f in result.Findings) stdout.WriteLine(f.ToMsBuildString());
        if (sarif) Console.Out.Write(Core.Reports.SarifWriter.Generate(result.Findings));
        var errors = result.Count(Severity.Error);
        var warnings = result.Count(Severity.Warning);
        stdout.WriteLine($"{Path.GetFileName(result.Manifest?.Path ?? "models.yaml")}: {result.Models.Count} declared model(s) checked, {errors} error(s), {warnings} warning(s), {result.Findings.Count(f => f.IsWaived)} waived");

        if (result.Findings.Any(f => f.Id == DiagnosticIds.ManifestUnreadable)) return ExitCodes.BadInput;
        if (output != null && run.Document != null) Core.Document.ComplianceJson.WriteFile(output, run.Document);
        if (snapshot != null) Core.AnalyzerInput.AnalyzerSnapshot.WriteFile(path, result, snapshot);
        return errors > 0 ? ExitCodes.Findings : ExitCodes.Clean;
    }
}
