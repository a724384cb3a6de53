using System;
using System.CommandLine;
using System.IO;
using LicenceGuard.Cli.Commands;

namespace LicenceGuard.Cli;

/// <summary>
/// Exit codes, for every verb: 0 clean, 1 a finding is an error, 2 the input cannot be read or parsed (or the command
/// line is wrong). No verb lets an exception escape as a stack trace.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("LicenceGuard: AI-model licence compliance for .NET builds");
        // One line per verb; each verb lives in Commands/<Verb>Command.cs.
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ApproveCommand.Create());
        root.Subcommands.Add(InspectCommand.Create());
        root.Subcommands.Add(VerifyHardwareCommand.Create());
        root.Subcommands.Add(CatalogueCommand.Create());
        root.Subcommands.Add(ScanCommand.Create());
        root.Subcommands.Add(InitCommand.Create());
        root.Subcommands.Add(ReviewCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors) Console.Error.WriteLine("licenceguard: " + error.Message);
                return ExitCodes.BadInput;
            }
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            // An output that cannot be written (a read-only folder, a full disk) is the user's to fix, not a defect.
            Console.Error.WriteLine($"licenceguard: cannot write or read a file: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"licenceguard: internal error: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.BadInput;
        }
    }
}
