using System.IO.Compression;
using System.Reflection;

namespace LicenceGuard.EndToEnd.Tests;

/// <summary>
/// Packs every package of the solution the way the README says (<c>dotnet pack LicenceGuard.sln -c Release</c>), with
/// a version of its own, into artifacts/feed; installs the two tools from that feed into a tool folder; and builds
/// the fake CUDA driver the hardware tool is run against.
/// </summary>
public sealed class AllPackagesFixture : IDisposable
{
    public AllPackagesFixture()
    {
        RepoRoot = typeof(AllPackagesFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepoRoot").Value!;
        Feed = Path.Combine(RepoRoot, "artifacts", "feed");
        Version = "0.1.0-all" + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + Environment.ProcessId;
        WorkRoot = Path.Combine(Path.GetTempPath(), "licenceguard-e2e-" + Version);
        Directory.CreateDirectory(WorkRoot);
        Check(Dotnet.Run(RepoRoot, "pack", Path.Combine(RepoRoot, "LicenceGuard.sln"), "-c", "Release", "-p:Version=" + Version, "-nologo"), "dotnet pack LicenceGuard.sln");
        Packages = Directory.GetFiles(Feed, "*." + Version + ".nupkg").ToDictionary(p => Path.GetFileName(p)[..^(Version.Length + ".nupkg".Length + 1)], p => p);
        ToolFolder = Path.Combine(WorkRoot, "tools");
        foreach (var tool in new[] { "LicenceGuard.Cli", "LicenceGuard.Hardware.Tool" })
            Check(Dotnet.Run(WorkRoot, "tool", "install", tool, "--version", Version, "--tool-path", ToolFolder, "--add-source", Feed), "dotnet tool install " + tool);
        FakeCudaDriver = Path.Combine(WorkRoot, "fake-driver", "libcuda.so.1");
        Directory.CreateDirectory(Path.GetDirectoryName(FakeCudaDriver)!);
        Check(Dotnet.RunProgram("cc", WorkRoot, new Dictionary<string, string>(), "-shared", "-fPIC", "-O2", "-o", FakeCudaDriver, Path.Combine(AppContext.BaseDirectory, "fake_cuda.c")), "cc fake_cuda.c");
    }

    public string RepoRoot { get; }
    public string Feed { get; }
    public string Version { get; }
    public string WorkRoot { get; }
    public string ToolFolder { get; }
    public string FakeCudaDriver { get; }

    /// <summary>Every package the solution packed, by package ID.</summary>
    public IReadOnlyDictionary<string, string> Packages { get; }

    public string Tool(string command) => Path.Combine(ToolFolder, command);

    /// <summary>The nuspec inside a packed package.</summary>
    public string Nuspec(string id)
    {
        using var zip = ZipFile.OpenRead(Packages[id]);
        using var reader = new StreamReader(zip.Entries.First(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        return reader.ReadToEnd();
    }

    /// <summary>A consumer project that references the given packages (at this run's version) from the feed.</summary>
    public ConsumerProject CreateConsumer(string name, params string[] packages)
    {
        var consumer = new ConsumerProject(Feed, Path.Combine(WorkRoot, name));
        consumer.WriteProject(string.Concat(packages.Select(p => $"<PackageReference Include=\"{p}\" Version=\"{Version}\" />")), referenceGate: false);
        return consumer;
    }

    private static void Check((int ExitCode, string Output) run, string what)
    {
        if (run.ExitCode != 0) throw new InvalidOperationException($"{what} failed:\n{run.Output}");
    }

    public void Dispose()
    {
        try { Directory.Delete(WorkRoot, recursive: true); }
        catch (IOException) { }
        foreach (var package in Packages.Values) File.Delete(package);
    }
}

[CollectionDefinition(Name)]
public sealed class AllPackagesCollection : ICollectionFixture<AllPackagesFixture>
{
    public const string Name = "Every LicenceGuard package";
}
