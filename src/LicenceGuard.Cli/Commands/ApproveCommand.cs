using System;
using System.CommandLine;
using System.IO;
using LicenceGuard.Core.Approval;
using LicenceGuard.Core.Output;
using LicenceGuard.Core.Text;

namespace LicenceGuard.Cli.Commands;

/// <summary>
/// <c>licenceguard approve --by NAME [--manifest FILE] [--on DATE] [--lock FILE]</c>: records the current compliance
/// manifest as approved in models.lock.json (commit it); the build reports every change since, until the next
/// approval. Unwaived errors are not approved unless <c>--allow-errors</c> says so. Exit 0 written, 1 refused
/// because of errors, 2 bad input.
/// </summary>
public static class ApproveCommand
{
    public static Command Create()
    {
        var manifest = new Option<string?>("--manifest", "-m") { Description = "models.yaml, or a compliance-manifest.json from a build (default: the nearest models.yaml)" };
        var by = new Option<string>("--by") { Description = "who approves (name or e-mail)", Required = true };
        var on = new Option<string?>("--on") { Description = "approval date YYYY-MM-DD (default: today, UTC)" };
        var lockFile = new Option<string?>("--lock") { Description = "where to write the lock (default: models.lock.json beside the manifest)" };
        var allowErrors = new Option<bool>("--allow-errors") { Description = "approve even though the check has unwaived errors" };
        var command = new Command("approve", "Approve the current compliance manifest: write models.lock.json")
        {
            manifest, by, on, lockFile, allowErrors,
        };
        command.SetAction(parse => Run(parse.GetValue(manifest), parse.GetValue(by)!, parse.GetValue(on), parse.GetValue(lockFile), parse.GetValue(allowErrors)));
        return command;
    }

    private static int Run(string? manifestPath, string by, string? on, string? lockPath, bool allowErrors)
    {
        if (string.IsNullOrWhiteSpace(by))
        {
            Console.Error.WriteLine("licenceguard: --by must name the person who approves");
            return ExitCodes.BadInput;
        }
        var date = DateTime.UtcNow.Date;
        if (on != null && !Core.Yaml.NodeReader.TryDate(on, out date))
        {
            Console.Error.WriteLine($"licenceguard: --on must be YYYY-MM-DD, not '{on}'");
            return ExitCodes.BadInput;
        }
        var input = ComplianceInput.Load(manifestPath, on, quiet: false);
        if (input is null) return ExitCodes.BadInput;
        if (input.Errors > 0 && !allowErrors)
        {
            Console.Error.WriteLine($"licenceguard: not approved: the check has {input.Errors} unwaived error(s) (above); fix or waive them, or pass --allow-errors");
            return ExitCodes.Findings;
        }

        lockPath ??= Path.Combine(input.Directory, ApprovalLock.FileName);
        var written = AtomicFile.WriteIfChanged(lockPath, ApprovalLock.Create(input.Document, by, date));
        var models = input.Document.Models.Count;
        Console.Out.WriteLine(written
            ? $"licenceguard: {lockPath}: {models} model(s) approved by {by.Trim()} on {Dates.Day(date)}; commit it"
            : $"licenceguard: {lockPath} already records this approval");
        return ExitCodes.Clean;
    }
}
