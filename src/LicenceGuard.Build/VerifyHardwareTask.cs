using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace LicenceGuard.Build;

/// <summary>
/// Runs <c>&lt;Command&gt; verify-hardware --manifest &lt;Manifest&gt; &lt;ExtraArguments&gt;</c> as a process of its own, with
/// each argument handed to the program as it is: no shell reads the command line, so a path such as
/// <c>a$(id&gt;x)</c> or <c>a;b&amp;c</c> is a path and never a command. The tool's output goes to the build log, where its
/// <c>file(line,col): error LGxxxx</c> lines become build errors. Never throws.
/// </summary>
public sealed class VerifyHardwareTask : Task, ICancelableTask
{
    private Process? _process;

    /// <summary>The program and its leading arguments, separated by spaces: <c>dotnet licenceguard</c>, <c>/opt/lg/licenceguard-hw</c>.</summary>
    [Required]
    public string Command { get; set; } = string.Empty;

    [Required]
    public string Manifest { get; set; } = string.Empty;

    /// <summary>More options, separated by spaces (<c>--model org/m --allow-cpu</c>); each word is one argument.</summary>
    public string? ExtraArguments { get; set; }

    public override bool Execute()
    {
        var words = Split(Command);
        if (words.Count == 0)
        {
            Log.LogError("LicenceGuardCliCommand is empty: set it to the program that runs the hardware check (dotnet licenceguard, or the path of licenceguard-hw)");
            return false;
        }
        var arguments = words.Skip(1).Concat(new[] { "verify-hardware", "--manifest", Manifest }).Concat(Split(ExtraArguments)).ToList();
        var psi = new ProcessStartInfo(words[0])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
#if NETFRAMEWORK
        psi.Arguments = string.Join(" ", arguments.Select(WindowsArgument));
#else
        foreach (var a in arguments) psi.ArgumentList.Add(a);
#endif
        try
        {
            using var process = new Process { StartInfo = psi };
            process.OutputDataReceived += (_, e) => Relay(e.Data);
            process.ErrorDataReceived += (_, e) => Relay(e.Data);
            process.Start();
            _process = process;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            if (process.ExitCode != 0 && !Log.HasLoggedErrors)
                Log.LogError($"{words[0]} verify-hardware exited with code {process.ExitCode}");
            return process.ExitCode == 0 && !Log.HasLoggedErrors;
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException)
        {
            Log.LogError($"could not start '{words[0]}' for the hardware check: {ex.Message}; install the tool (dotnet tool install LicenceGuard.Cli) or set LicenceGuardCliCommand");
            return false;
        }
    }

    public void Cancel()
    {
        try { _process?.Kill(); }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception) { }
    }

    /// <summary>Lines in the canonical error format become errors and warnings; the rest are messages.</summary>
    private void Relay(string? line)
    {
        if (line != null) Log.LogMessageFromText(line, MessageImportance.High);
    }

    private static List<string> Split(string? text) =>
        (text ?? string.Empty).Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).ToList();

#if NETFRAMEWORK
    /// <summary>
    /// Quotes one argument so that the C runtime's command-line parser (CommandLineToArgvW) gives it back unchanged:
    /// the .NET Framework has no ArgumentList. Backslashes double only before a quote; quotes are escaped.
    /// </summary>
    private static string WindowsArgument(string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '"' }) < 0) return argument;
        var sb = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }
            sb.Append('\\', c == '"' ? backslashes * 2 + 1 : backslashes);
            backslashes = 0;
            sb.Append(c);
        }
        return sb.Append('\\', backslashes * 2).Append('"').ToString();
    }
#endif
}
