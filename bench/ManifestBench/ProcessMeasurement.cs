using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace LicenceGuard.Bench.Manifest;

/// <summary>One process's wall time, CPU time and peak resident memory, and everything it printed.</summary>
public sealed record Measurement(double WallMs, double CpuMs, long PeakKiB, int ExitCode, string Output);

/// <summary>
/// Measures a command in a fresh process, start-up included, as a user's run pays it. The peak resident memory is the
/// kernel's own account (getrusage's ru_maxrss for waited-for children): exact, where sampling /proc would miss a
/// short peak. RUSAGE_CHILDREN keeps the largest child's figure for the rest of the process, so every measured
/// command gets a runner process of its own (this program under <see cref="RunnerVerb"/>) with it as its only child.
/// Linux only, like the /proc figures it stands in for.
/// </summary>
public static class ProcessMeasurement
{
    public const string RunnerVerb = "measure";
    private const string UsageTag = "@rusage";

    /// <summary>Parent side: runs <paramref name="command"/> under a runner and reads the runner's account of it.</summary>
    public static Measurement Measure(IReadOnlyList<string> command)
    {
        var (exit, output) = Run(Self().Concat(new[] { RunnerVerb }).Concat(command).ToList());
        var lines = output.TrimEnd().Split('\n');
        var usage = lines[^1].Split(' ');
        if (exit != 0 || usage[0] != UsageTag) throw new InvalidOperationException($"the runner failed (exit {exit}):\n{output}");
        double Field(int i) => double.Parse(usage[i].Split('=')[1], CultureInfo.InvariantCulture);
        return new Measurement(Field(1), Field(2), (long)Field(3), (int)Field(4), string.Join("\n", lines[..^1]));
    }

    /// <summary>Runner side: runs the command, passes its output on, then prints its wall, CPU and peak memory.</summary>
    public static int RunAndReport(IReadOnlyList<string> command)
    {
        var clock = Stopwatch.StartNew();
        var (exit, output) = Run(command);
        var wallMs = clock.Elapsed.TotalMilliseconds;
        var usage = new long[18]; // struct rusage on 64-bit Linux: two timevals, then 14 longs (ru_maxrss first, in KiB)
        if (getrusage(RusageChildren, usage) != 0) throw new InvalidOperationException("getrusage failed: errno " + Marshal.GetLastPInvokeError());
        var cpuMs = (usage[0] + usage[2]) * 1000.0 + (usage[1] + usage[3]) / 1000.0;
        Console.Write(output);
        if (output.Length > 0 && !output.EndsWith('\n')) Console.WriteLine(); // the account stays a line of its own
        Console.WriteLine(FormattableString.Invariant($"{UsageTag} wall_ms={wallMs:0.0} cpu_ms={cpuMs:0.0} maxrss_kib={usage[4]} exit={exit}"));
        return 0;
    }

    /// <summary>How to start this program again: its apphost, or dotnet with its assembly.</summary>
    public static IReadOnlyList<string> Self()
    {
        var process = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? new[] { process, typeof(ProcessMeasurement).Assembly.Location }
            : new[] { process };
    }

    private static (int Exit, string Output) Run(IReadOnlyList<string> command)
    {
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in command.Skip(1)) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private const int RusageChildren = -1;

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, long[] usage);
}
