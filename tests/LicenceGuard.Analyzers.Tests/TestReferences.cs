using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LicenceGuard.Analyzers.Tests;

/// <summary>
/// Metadata references for test compilations, all from local files: the .NET SDK's targeting pack and the SDK
/// packages that the test project downloads with PackageDownload into the NuGet cache.
/// </summary>
internal static class TestReferences
{
    private static readonly string[] TfmPreference = { "net8.0", "net6.0", "netstandard2.1", "netstandard2.0", "netcoreapp2.1" };

    private static readonly Lazy<ImmutableArray<MetadataReference>> All = new(Load);

    public static ImmutableArray<MetadataReference> References => All.Value;

    /// <summary>No package download at test time: the framework comes from the SDK's own targeting pack.</summary>
    public static ReferenceAssemblies Assemblies { get; } = new("net10.0");

    public static string RepoRoot => Metadata("RepoRoot");

    public static string Metadata(string key) =>
        typeof(TestReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"assembly metadata '{key}' is missing; rebuild the test project");

    private static ImmutableArray<MetadataReference> Load()
    {
        var paths = new List<string>();
        paths.AddRange(FrameworkAssemblies());
        var root = Metadata("NuGetPackageRoot");
        foreach (var entry in Metadata("SdkPackages").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split('=');
            var version = parts[1].Trim('[', ']');
            paths.AddRange(PackageAssemblies(Path.Combine(root, parts[0].ToLowerInvariant(), version)));
        }
        // LicenceGuard.Runtime: ModelGuard.Require and UseLicenceGuard, which quiet LG0007.
        var guard = Metadata("RuntimeGuardAssembly");
        if (!File.Exists(guard)) throw new FileNotFoundException($"{guard} is missing: build the test project (it builds LicenceGuard.Runtime)");
        paths.Add(guard);
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    private static IEnumerable<string> FrameworkAssemblies()
    {
        var packs = Path.Combine(Metadata("NetCoreTargetingPackRoot"), "Microsoft.NETCore.App.Ref");
        var version = Metadata("BundledNETCoreAppPackageVersion");
        var dir = Path.Combine(packs, version);
        if (!Directory.Exists(dir)) dir = Directory.GetDirectories(packs).OrderBy(d => d, StringComparer.Ordinal).Last();
        var refDir = Directory.GetDirectories(Path.Combine(dir, "ref")).Single();
        return Directory.GetFiles(refDir, "*.dll");
    }

    private static IEnumerable<string> PackageAssemblies(string packageDir)
    {
        if (!Directory.Exists(packageDir)) throw new DirectoryNotFoundException($"{packageDir} is missing: restore the test project (PackageDownload)");
        foreach (var kind in new[] { "ref", "lib" })
        {
            var baseDir = Path.Combine(packageDir, kind);
            if (!Directory.Exists(baseDir)) continue;
            foreach (var tfm in TfmPreference)
            {
                var dir = Path.Combine(baseDir, tfm);
                if (Directory.Exists(dir) && Directory.GetFiles(dir, "*.dll").Length > 0) return Directory.GetFiles(dir, "*.dll");
            }
        }
        return Array.Empty<string>();
    }
}
