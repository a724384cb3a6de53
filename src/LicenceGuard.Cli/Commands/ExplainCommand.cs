using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace LicenceGuard.Cli.Commands;

/// <summary>
/// <c>licenceguard explain LGxxxx</c>: the diagnostic's help page (rules/diagnostics/LGxxxx.md), embedded in the tool
/// so that it works offline. Exit 0 shown, 2 no such diagnostic (the known ones are listed).
/// </summary>
public static class ExplainCommand
{
    private const string Prefix = "diagnostics/";

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
        var assembly = typeof(ExplainCommand).Assembly;
        using var stream = Regex.IsMatch(normalised, "^LG[0-9]{4}$") ? assembly.GetManifestResourceStream(Prefix + normalised + ".md") : null;
        if (stream is null)
        {
            var known = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
                .Select(n => n.Substring(Prefix.Length, n.Length - Prefix.Length - 3)).OrderBy(n => n, StringComparer.Ordinal);
            Console.Error.WriteLine($"licenceguard: no diagnostic '{id}'; known: {string.Join(" ", known)}");
            return ExitCodes.BadInput;
        }
        using var reader = new StreamReader(stream);
        Console.Out.Write(reader.ReadToEnd());
        return ExitCodes.Clean;
    }
}
