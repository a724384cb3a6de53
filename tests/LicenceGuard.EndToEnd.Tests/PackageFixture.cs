using System.Diagnostics;
using System.Reflection;

namespace LicenceGuard.EndToEnd.Tests;

/// <summary>
/// Packs LicenceGuard once per test run with a version of its own (so the NuGet cache can never hand an older build
/// to the consumer projects) into the repository's local folder feed, artifacts/feed.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        RepoRoot = typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepoRoot").Value!;
        Feed = Path.Combine(RepoRoot, "artifacts", "feed");
        Version = "0.1.0-e2e" + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + Environment.ProcessId;
        var pack = Dotnet.Run(RepoRoot, "pack", Path.Combine(RepoRoot, "src", "LicenceGuard.Build", "LicenceGuard.Build.csproj"),
            "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-nologo");
        if (pack.ExitCode != 0) throw new InvalidOperationException("dotnet pack failed:\n" + pack.Output);
        WorkRoot = Path.Combine(Path.GetTempPath(), "licenceguard-e2e-" + Version);
        Directory.CreateDirectory(WorkRoot);
    }

    public string RepoRoot { get; }
    public string Feed { get; }
    public string Version { get; }
    public string WorkRoot { get; }

    public ConsumerProject CreateConsumer(string name) => new(this, Path.Combine(WorkRoot, name));

    public void Dispose()
    {
        try { Directory.Delete(WorkRoot, recursive: true); }
        catch (IOException) { }
        foreach (var package in Directory.GetFiles(Feed, "*" + Version + "*.nupkg"))
            File.Delete(package);
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "LicenceGuard package";
}

public static class Dotnet
{
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] args) =>
        RunProgram("dotnet", workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Any program (an installed tool), with extra environment variables, under the same rules as <see cref="Run"/>.</summary>
    public static (int ExitCode, string Output) RunProgram(string program, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (name, value) in environment) psi.Environment[name] = value;
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        // A test run inside `dotnet test` inherits MSBuild variables that would point the child build at the wrong SDK.
        foreach (var v in new[] { "MSBuildSDKsPath", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "VSTEST_HOST_DEBUG" }) psi.Environment.Remove(v);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(10 * 60 * 1000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException(program + " " + string.Join(' ', args) + " ran over 10 minutes");
        }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
