using System;
using System.CommandLine;
using System.IO;
using LicenceGuard.Core.Approval;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Output;
using LicenceGuard.Core.Reports;

namespace LicenceGuard.Cli.Commands;

/// <summary>
/// <c>licenceguard report [--manifest FILE] [--lock FILE] --format html|md|json|cyclonedx|spdx3|notices [-o FILE]</c>: the
/// compliance officer's report, the pull-request summary, the CycloneDX ML-BOM, the SPDX 3 document or MODEL-NOTICES.txt. The report is
/// written either way; the exit code is the check's, as for every verb: 0 when clean, 1 when a finding is an error
/// (so a CI step that publishes the report still fails), 2 when the input cannot be read.
/// </summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var manifest = new Option<string?>("--manifest", "-m") { Description = "models.yaml, or a compliance-manifest.json from a build (default: the nearest models.yaml)" };
        var lockFile = new Option<string?>("--lock") { Description = "the approved manifest to compare with (default: models.lock.json beside the manifest, when present)" };
        var format = new Option<string>("--format", "-f") { Description = "html | md | json | cyclonedx | spdx3 | notices", DefaultValueFactory = _ => "html" };
        var output = new Option<string?>("--output", "-o") { Description = "file to write (default: standard output)" };
        var today = new Option<string?>("--today") { Description = "evaluate models.yaml as of this date (YYYY-MM-DD)" };
        var command = new Command("report", "Write the compliance report (HTML), a Markdown summary, the compliance manifest (JSON), the CycloneDX ML-BOM, the SPDX 3 document or MODEL-NOTICES.txt")
        {
            manifest, lockFile, format, output, today,
        };
        command.SetAction(parse => Run(parse.GetValue(manifest), parse.GetValue(lockFile), parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(today)));
        return command;
    }

    private static int Run(string? manifestPath, string? lockPath, string formatText, string? output, string? today)
    {
        if (!ReportGenerator.TryParse(formatText, out var format))
        {
            Console.Error.WriteLine($"licenceguard: --format must be html, md, json, cyclonedx, spdx3 or notices, not '{formatText}'");
            return ExitCodes.BadInput;
        }
        var input = ComplianceInput.Load(manifestPath, today, quiet: true);
        if (input is null) return ExitCodes.BadInput;

        ComplianceDocument? approved = null;
        var explicitLock = lockPath != null;
        lockPath ??= Path.Combine(input.Directory, ApprovalLock.FileName);
        if (File.Exists(lockPath))
        {
            approved = ApprovalLock.Read(lockPath, out var error, out var line);
            if (approved is null)
            {
                Console.Error.WriteLine($"{lockPath}({Math.Max(line, 1)},1): error {Core.Diagnostics.DiagnosticIds.LockUnreadable}: {error}");
                return ExitCodes.BadInput;
            }
        }
        else if (explicitLock)
        {
            Console.Error.WriteLine($"{lockPath}: error {Core.Diagnostics.DiagnosticIds.LockUnreadable}: the file does not exist");
            return ExitCodes.BadInput;
        }

        var text = ReportGenerator.Generate(format, input.Document, approved);
        if (output is null) Console.Out.Write(text);
        else
        {
            AtomicFile.WriteIfChanged(output, text);
            Console.Error.WriteLine($"licenceguard: wrote {output}");
        }
        return input.Errors > 0 ? ExitCodes.Findings : ExitCodes.Clean;
    }
}
