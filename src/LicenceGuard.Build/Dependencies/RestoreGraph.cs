using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NuGet.ProjectModel;

namespace LicenceGuard.Build.Dependencies;

/// <summary>One package of the restore graph: where it lives and how it came in.</summary>
internal sealed class GraphPackage
{
    public GraphPackage(string id, string version, IReadOnlyList<string> path, string? folderRelativePath, IReadOnlyList<string> files)
    {
        Id = id;
        Version = version;
        Path = path;
        FolderRelativePath = folderRelativePath;
        Files = files;
    }

    public string Id { get; }
    public string Version { get; }
    public IReadOnlyList<string> Path { get; }

    /// <summary>The package's folder relative to a packages folder ("microsoft.ml.onnxruntime/1.31.1").</summary>
    public string? FolderRelativePath { get; }

    /// <summary>The package's files as the assets file lists them.</summary>
    public IReadOnlyList<string> Files { get; }
}

/// <summary>
/// Reads project.assets.json with NuGet's own reader (LockFileUtilities) and works out, for every package, the
/// shortest chain from a direct reference of the project down to it.
/// </summary>
internal sealed class RestoreGraph
{
    private RestoreGraph(List<GraphPackage> packages, List<string> packageFolders)
    {
        Packages = packages;
        PackageFolders = packageFolders;
    }

    public List<GraphPackage> Packages { get; }

    /// <summary>The global packages folder first, then fallback folders.</summary>
    public List<string> PackageFolders { get; }

    public static RestoreGraph Read(string assetsFile)
    {
        // NuGet's reader logs a damaged file and hands back an empty graph: its errors are what tell the two apart.
        var logger = new ErrorCollector();
        var lockFile = LockFileUtilities.GetLockFile(assetsFile, logger)
            ?? throw new InvalidDataException($"{assetsFile} could not be read as a NuGet assets file");
        if (logger.Errors.Count > 0) throw new InvalidDataException(string.Join("; ", logger.Errors));
        var libraries = lockFile.Libraries
            .Where(l => l.Type == "package")
            .GroupBy(l => Key(l.Name, l.Version.ToNormalizedString()), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        // Framework targets first; runtime-specific ones (a RuntimeIdentifier) repeat them and add the runtime.* packages.
        var targets = lockFile.Targets.OrderBy(t => string.IsNullOrEmpty(t.RuntimeIdentifier) ? 0 : 1).ThenBy(t => t.Name, StringComparer.Ordinal);

        var paths = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var versions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var target in targets)
        {
            var byName = target.Libraries.GroupBy(l => l.Name ?? string.Empty, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            var direct = DirectReferences(lockFile, target).Where(byName.ContainsKey).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();

            // Breadth first from the direct references, children in name order: the first chain found is the shortest.
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var queue = new Queue<(LockFileTargetLibrary Library, List<string> Chain)>();
            foreach (var name in direct)
            {
                if (!seen.Add(name)) continue;
                var lib = byName[name];
                queue.Enqueue((lib, new List<string> { Display(lib) }));
            }
            while (queue.Count > 0)
            {
                var (lib, chain) = queue.Dequeue();
                if (lib.Type == "package")
                {
                    var key = Key(lib.Name!, lib.Version!.ToNormalizedString());
                    versions[key] = lib.Version.ToNormalizedString();
                    if (!paths.TryGetValue(key, out var existing) || chain.Count < existing.Count) paths[key] = chain;
                }
                foreach (var dep in lib.Dependencies.OrderBy(d => d.Id, StringComparer.OrdinalIgnoreCase))
                {
                    if (!byName.TryGetValue(dep.Id, out var child) || !seen.Add(child.Name!)) continue;
                    queue.Enqueue((child, new List<string>(chain) { Display(child) }));
                }
            }
            // A package nothing reaches (a graph the assets file does not explain) is still audited, as direct.
            foreach (var lib in target.Libraries.Where(l => l.Type == "package"))
            {
                var key = Key(lib.Name!, lib.Version!.ToNormalizedString());
                if (paths.ContainsKey(key)) continue;
                versions[key] = lib.Version.ToNormalizedString();
                paths[key] = new List<string> { Display(lib) };
            }
        }

        var packages = new List<GraphPackage>();
        foreach (var pair in paths.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            libraries.TryGetValue(pair.Key, out var library);
            var id = library?.Name ?? pair.Key.Substring(0, pair.Key.IndexOf('/'));
            packages.Add(new GraphPackage(id, versions[pair.Key], pair.Value, library?.Path, (IReadOnlyList<string>?)library?.Files?.ToList() ?? Array.Empty<string>()));
        }
        var folders = lockFile.PackageFolders.Select(f => f.Path).Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return new RestoreGraph(packages, folders);
    }

    /// <summary>The project's own references for this target ("Name >= 1.0" in the assets file), packages and projects.</summary>
    private static IEnumerable<string> DirectReferences(LockFile lockFile, LockFileTarget target)
    {
        // Groups are named by the target framework as written (net8.0) or in full (.NETCoreApp,Version=v8.0); a runtime
        // target (net8.0/linux-x64) shares its framework's group.
        var frameworkName = target.Name.Split('/')[0];
        var group = lockFile.ProjectFileDependencyGroups.FirstOrDefault(g => string.Equals(g.FrameworkName, frameworkName, StringComparison.OrdinalIgnoreCase))
            ?? lockFile.ProjectFileDependencyGroups.FirstOrDefault(g => NuGet.Frameworks.NuGetFramework.Parse(g.FrameworkName).Equals(target.TargetFramework));
        if (group is null) yield break;
        foreach (var dependency in group.Dependencies)
        {
            var space = dependency.IndexOf(' ');
            yield return space < 0 ? dependency : dependency.Substring(0, space);
        }
    }

    private static string Key(string id, string version) => id + "/" + version;

    private static string Display(LockFileTargetLibrary lib) => lib.Type == "package" ? lib.Name + " " + lib.Version!.ToNormalizedString() : lib.Name + " (project)";
}

/// <summary>Keeps the errors NuGet's assets-file reader logs.</summary>
internal sealed class ErrorCollector : NuGet.Common.LoggerBase
{
    public List<string> Errors { get; } = new();

    public override void Log(NuGet.Common.ILogMessage message)
    {
        if (message.Level >= NuGet.Common.LogLevel.Error) Errors.Add(message.Message);
    }

    public override System.Threading.Tasks.Task LogAsync(NuGet.Common.ILogMessage message)
    {
        Log(message);
        return System.Threading.Tasks.Task.CompletedTask;
    }
}
