using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using LicenceGuard.Core;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Output;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Cli.Commands;

/// <summary>
/// <c>licenceguard check [--manifest FILE]</c>: the build's evaluation outside a build, in MSBuild's format. Every input
/// the build gate has is an option here, named after its MSBuild property, so that the same inputs give the same
/// compliance manifest and the same findings as the build (tested end to end).
/// </summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var manifest = new Option<string?>("--manifest", "-m") { Description = "models.yaml to check (default: ./models.yaml, else the nearest one up the tree)" };
        var catalogue = new Option<string[]>("--catalogue") { Description = "extra catalogue files or folders (organisation overrides), as LicenceGuardCatalogue", AllowMultipleArgumentsPerToken = true };
        var margin = new Option<string?>("--margin") { Description = "threshold margin as a fraction (0.1 warns from 90% of a threshold), as LicenceGuardThresholdMargin" };
        var maxAge = new Option<string?>("--catalogue-max-age-days") { Description = "warn when the embedded catalogue is older (default 90), as LicenceGuardCatalogueMaxAgeDays" };
        var output = new Option<string?>("--output", "-o") { Description = "also write the compliance manifest JSON to this file" };
        var today = new Option<string?>("--today") { Description = "evaluate as of this date (YYYY-MM-DD), for waivers and catalogue age, as LicenceGuardToday" };
        var format = new Option<string>("--format", "-f") { Description = "text (MSBuild's format) or sarif (SARIF 2.1.0 on stdout, for code scanning)", DefaultValueFactory = _ => "text" };
        var lockOption = new Option<string?>("--lock") { Description = "the approved lock to report drift against (default: models.lock.json beside models.yaml), as LicenceGuardLock" };
        var drift = new Option<string?>("--drift-severity") { Description = "warning (default), error or none: how drift from the lock is reported, as LicenceGuardDriftSeverity" };
        var snapshot = new Option<string?>("--analyzer-snapshot") { Description = "also write the analyzer's snapshot of this evaluation to this file (what the build passes to the compiler as an additional file)" };
        var dependencies = new Option<string?>("--dependencies") { Description = "the dependency audit's report to embed (a build writes it to obj/…/licenceguard/dependencies.json)" };
        var attestations = new Option<string[]>("--attestation") { Description = "hardware attestation files to embed, as LicenceGuardAttestation (.licenceguard/attestations/ beside models.yaml is always read)", AllowMultipleArgumentsPerToken = true };
        var project = new Option<string?>("--project") { Description = "the code whose model references the compliance manifest records (a .csproj as its build records them, a .sln or a folder; default: models.yaml's folder)" };
        var noWarn = new Option<string?>("--no-warn") { Description = "warning codes to silence (LG1009;LG1016), as the project's NoWarn" };
        var asErrors = new Option<string?>("--warnings-as-errors") { Description = "warning codes to report as errors, as the project's WarningsAsErrors" };
        var notAsErrors = new Option<string?>("--warnings-not-as-errors") { Description = "warning codes --treat-warnings-as-errors leaves warnings, as WarningsNotAsErrors" };
        var allAsErrors = new Option<bool>("--treat-warnings-as-errors") { Description = "report every warning as an error, as the project's TreatWarningsAsErrors" };
        var helpBase = new Option<string?>("--help-base") { Description = "where the SARIF log's help links point (a URL or a folder), as LicenceGuardHelpBase" };
        var command = new Command("check", "Check models.yaml against the licence catalogue and the organisation's figures")
        {
            manifest, catalogue, margin, maxAge, output, today, format, lockOption, drift, snapshot, dependencies, attestations, project,
            noWarn, asErrors, notAsErrors, allAsErrors, helpBase,
        };
        command.SetAction(parse => Run(new CheckArguments(parse.GetValue(manifest), parse.GetValue(catalogue) ?? Array.Empty<string>(), parse.GetValue(margin),
            parse.GetValue(maxAge), parse.GetValue(today), parse.GetValue(lockOption), parse.GetValue(drift), parse.GetValue(dependencies),
            parse.GetValue(attestations) ?? Array.Empty<string>(), parse.GetValue(project)), parse.GetValue(output), parse.GetValue(format)!, parse.GetValue(snapshot),
            new WarningPolicy(parse.GetValue(noWarn), parse.GetValue(asErrors), parse.GetValue(notAsErrors), parse.GetValue(allAsErrors)), parse.GetValue(helpBase)));
        return command;
    }

    /// <param name="warnings">The project's warning properties: the findings are printed, counted and exit as the build logs them.</param>
    private static int Run(CheckArguments arguments, string? output, string format, string? snapshot, WarningPolicy warnings, string? helpBase)
    {
        var sarif = string.Equals(format, "sarif", StringComparison.OrdinalIgnoreCase);
        if (!sarif && !string.Equals(format, "text", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine($"licenceguard: --format must be text or sarif, not '{format}'");
            return ExitCodes.BadInput;
        }
        if (!arguments.TryInput(out var input, out var error))
        {
            Console.Error.WriteLine(error);
            return ExitCodes.BadInput;
        }
        var run = ComplianceRun.Execute(input!);
        var result = run.Evaluation;
        // With SARIF on stdout, the people's lines go to stderr.
        var stdout = sarif ? Console.Error : Console.Out;
        foreach (var f in result.Findings) stdout.WriteLine(f.ToMsBuildString(warnings.Reported(f)));
        if (sarif) Console.Out.Write(Core.Reports.SarifWriter.Generate(result.Findings, helpBase));
        var errorCount = result.Findings.Count(f => warnings.Reported(f) == Severity.Error);
        var warningCount = result.Findings.Count(f => warnings.Reported(f) == Severity.Warning);
        stdout.WriteLine($"{Path.GetFileName(result.Manifest?.Path ?? "models.yaml")}: {result.Models.Count} declared model(s) checked, {errorCount} error(s), {warningCount} warning(s), {result.Findings.Count(f => f.IsWaived)} waived");

        if (result.Findings.Any(f => f.Id == DiagnosticIds.ManifestUnreadable)) return ExitCodes.BadInput;
        if (output != null && run.Document != null) Core.Document.ComplianceJson.WriteFile(output, run.Document);
        if (snapshot != null) Core.AnalyzerInput.AnalyzerSnapshot.WriteFile(input!.ManifestPath, result, snapshot);
        return errorCount > 0 ? ExitCodes.Findings : ExitCodes.Clean;
    }
}
