using System;
using System.CommandLine;
using LicenceGuard.Hardware.Verb;

namespace LicenceGuard.Hardware.Tool;

/// <summary>
/// <c>licenceguard-hw [options]</c> and <c>licenceguard-hw verify-hardware [options]</c>: the same check, options,
/// output and exit codes as <c>licenceguard verify-hardware</c>. No exception escapes as a stack trace.
/// </summary>
public static class Program
{
    private const string Tool = "licenceguard-hw";

    public static int Main(string[] args)
    {
        var root = new RootCommand("licenceguard-hw: check that the declared models' weights fit this machine's GPU and land on it intact, and write hardware attestations");
        VerifyHardwareVerb.Configure(root, Tool);
        root.Subcommands.Add(VerifyHardwareVerb.Create(Tool));
        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors) Console.Error.WriteLine($"{Tool}: {error.Message}");
                return VerifyHardwareVerb.BadInput;
            }
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"{Tool}: internal error: {ex.GetType().Name}: {ex.Message}");
            return VerifyHardwareVerb.BadInput;
        }
    }
}
