using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace LicenceGuard.Runtime.Tests.Hardware.FakeDriver;

/// <summary>
/// The fake CUDA driver (fake_cuda.c), compiled once per test run with the system C compiler, and the two programs
/// that load it — <c>licenceguard-hw</c> and <c>licenceguard verify-hardware</c> — run as child processes, because the
/// fake reads its knobs with getenv, which sees only a process's own start-up environment.
/// </summary>
public static class FakeCuda
{
    private static readonly Lazy<string> Built = new(Build);

    /// <summary>The compiled library (named like the real one, in a folder of its own).</summary>
    public static string Library => Built.Value;

    private static string Build()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Hardware", "FakeDriver", "fake_cuda.c");
        var folder = Path.Combine(Path.GetTempPath(), "lg-fake-cuda-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        var library = Path.Combine(folder, "libcuda.so.1");
        var (code, output, error) = Run("cc", new Dictionary<string, string>(), TimeSpan.FromMinutes(2), "-shared", "-fPIC", "-O2", "-Wall", "-Werror", "-o", library, source);
        if (code != 0) throw new InvalidOperationException($"cc could not build the fake CUDA driver:\n{output}{error}");
        return library;
    }

    /// <summary>Runs licenceguard-hw (or, with <paramref name="viaCli"/>, licenceguard verify-hardware) with the fake driver and the given knobs.</summary>
    public static (int Code, string Out, string Error) RunTool(IReadOnlyDictionary<string, string> knobs, bool viaCli, params string[] args)
    {
        var env = new Dictionary<string, string>(knobs);
        env.TryAdd("LICENCEGUARD_CUDA_LIBRARY", Library);
        var dll = Path.Combine(AppContext.BaseDirectory, viaCli ? "licenceguard.dll" : "licenceguard-hw.dll");
        var prefix = viaCli ? new[] { "exec", dll, "verify-hardware" } : new[] { "exec", dll };
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        return Run(dotnet, env, TimeSpan.FromMinutes(2), [.. prefix, .. args]);
    }

    private static (int Code, string Out, string Error) Run(string program, IReadOnlyDictionary<string, string> env, TimeSpan limit, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(limit))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} ran over {limit.TotalSeconds} s");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
