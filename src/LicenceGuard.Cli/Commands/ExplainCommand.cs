using System;
using System.CommandLine;
using System.Text.RegularExpressions;
using LicenceGuard.Core.Diagnostics;

namespace LicenceGuard.Cli.Commands;

/// <summary>
/// <c>licenceguard explain LGxxxx</c>: the diagnostic's help page (rules/diagnostics/LGxxxx.md), embedded so that it
/// works offline. Exit 0 shown, 2 no such diagnostic (the known ones are listed).
/// </summary>
public static class ExplainCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("ID") { Description = "a diagnostic id, e.g. LG1005" };
        var command = new Command("explain", "Print a diagnostic's help page") { id };
        command.SetAction(parse => Run(parse.GetValue(id)!));
        return command;
    }

    private static int Run(string id)
    {
        var normalised = id.Trim().ToUpperInvariant();
        if (Regex.IsMatch(normalised, "^[0-9]{4}$")) normalised = "LG" + normalised;
        var page = HelpPages.Find(normalised);
        if (page is null)
        {
            Console.Error.WriteLine($"licenceguard: no diagnostic '{id}'; known: {string.Join(" ", HelpPages.Ids)}");
            return ExitCodes.BadInput;
        }
        Console.Out.Write(page);
        return ExitCodes.Clean;
    }
}
