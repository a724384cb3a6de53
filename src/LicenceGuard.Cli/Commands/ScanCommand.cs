using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using LicenceGuard.Core;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Files;
using LicenceGuard.Core.Output;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LicenceGuard.Cli.Commands;

/// <summary>
/// <c>licenceguard scan PATH [--format json]</c>: the build's analyzers over a solution, a project or a folder of .cs
/// and appsettings*.json files, so that it lists what the build finds (see <see cref="TryScan"/>).
/// </summary>
public static class ScanCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("PATH") { Description = "a .sln, .csproj or folder" };
        var format = new Option<string>("--format") { Description = "text (default) or json", DefaultValueFactory = _ => "text" };
        var command = new Command("scan", "Find model IDs and model files in C# code and appsettings*.json") { path, format };
        command.SetAction(parse => Run(parse.GetValue(path)!, parse.GetValue(format) ?? "text"));
        return command;
    }

    private static int Run(string path, string format)
    {
        if (format != "text" && format != "json")
        {
            Console.Error.WriteLine($"licenceguard: --format must be text or json, not '{format}'");
            return ExitCodes.BadInput;
        }
        if (!TryScan(path, out var hits, out var error))
        {
            Console.Error.WriteLine("licenceguard: " + error);
            return ExitCodes.BadInput;
        }
        if (format == "json") Console.Out.WriteLine(ToJson(hits));
        else
        {
            foreach (var h in hits) Console.Out.WriteLine($"{h.File}({h.Line},{h.Column}): {h.Kind} '{h.Literal}'{(h.Api is null ? string.Empty : " → " + h.Api)}");
            Console.Out.WriteLine($"{hits.Count} model reference(s)");
        }
        return ExitCodes.Clean;
    }

    /// <summary>
    /// Scans PATH; also used by <c>init</c> and by the compliance manifest the CLI writes. Every project under PATH is
    /// compiled as its build compiles it (<see cref="ProjectCompilation"/>) and loose .cs files against the framework;
    /// the build's analyzers run over each (<see cref="AnalyzerRun"/>), and their LG0022 records are the hits, sorted by
    /// file, line, column.
    /// </summary>
    public static bool TryScan(string path, out List<ScanHit> hits, out string error)
    {
        hits = new List<ScanHit>();
        error = string.Empty;
        var full = Path.GetFullPath(path);
        string baseDir;
        List<string> projects;
        if (File.Exists(full) && full.EndsWith(".sln", StringComparison.OrdinalIgnoreCase))
        {
            baseDir = Path.GetDirectoryName(full)!;
            projects = SolutionProjects(full);
        }
        else if (File.Exists(full) && full.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            baseDir = Path.GetDirectoryName(full)!;
            projects = new List<string> { full };
        }
        else if (Directory.Exists(full))
        {
            baseDir = full;
            projects = Files(full, "*.csproj").ToList();
        }
        else
        {
            error = $"{path}: no such file or folder (expected a .sln, a .csproj or a folder)";
            return false;
        }

        var projectDirs = projects.Select(p => Path.GetDirectoryName(p)!).OrderByDescending(d => d.Length).ToList();
        foreach (var project in projects)
        {
            var dir = Path.GetDirectoryName(project)!;
            // A project's files are those under its folder that no deeper project owns; its configuration is what the
            // build gives the analyzer: appsettings*.json beside the project.
            var sources = Files(dir, "*.cs").Where(f => OwnerOf(f, projectDirs) == dir).ToList();
            var configuration = Directory.GetFiles(dir, "appsettings*.json").OrderBy(f => f, StringComparer.Ordinal).ToList();
            var compiled = ProjectCompilation.ForProject(project, sources, configuration);
            hits.AddRange(AnalyzerRun.Hits(compiled.Compilation, compiled.AdditionalFiles, baseDir, compiled.Manifest));
        }
        if (Directory.Exists(full))
        {
            var loose = Files(full, "*.cs").Where(f => OwnerOf(f, projectDirs) is null).ToList();
            var looseConfiguration = Files(full, "appsettings*.json").Where(f => OwnerOf(f, projectDirs) is null).ToList();
            if (loose.Count + looseConfiguration.Count > 0)
            {
                var compiled = ProjectCompilation.Loose(loose, looseConfiguration, ManifestLocator.Find(full));
                hits.AddRange(AnalyzerRun.Hits(compiled.Compilation, compiled.AdditionalFiles, baseDir, compiled.Manifest));
            }
        }
        hits = hits.GroupBy(h => (h.File, h.Line, h.Column, h.Literal)).Select(g => g.First())
            .OrderBy(h => h.File, StringComparer.Ordinal).ThenBy(h => h.Line).ThenBy(h => h.Column).ToList();
        return true;
    }

    /// <summary>Where the code under models.yaml's folder references each model it declares.</summary>
    public static SortedDictionary<string, List<CodeLocation>> CodeLocations(string folder) => CodeLocations(folder, folder);

    /// <summary>
    /// Where the code of PATH (a folder, a project or a solution) references each model that models.yaml declares: the
    /// compliance manifest's codeLocations, with paths relative to models.yaml's folder as the build records them.
    /// </summary>
    public static SortedDictionary<string, List<CodeLocation>> CodeLocations(string path, string manifestDir)
    {
        var locations = new SortedDictionary<string, List<CodeLocation>>(StringComparer.Ordinal);
        if (!TryScan(path, out var hits, out _)) return locations;
        var full = Path.GetFullPath(path);
        var scanBase = Directory.Exists(full) ? full : Path.GetDirectoryName(full)!;
        foreach (var hit in hits.Where(h => h.DeclaredModel != null))
        {
            var file = RelativePath.To(manifestDir, Path.GetFullPath(Path.Combine(scanBase, hit.File)));
            CodeReferences.Add(locations, hit.DeclaredModel!, new CodeLocation(file, hit.Line, hit.Column, hit.Kind, hit.Api));
        }
        return locations;
    }

    private static string? OwnerOf(string file, List<string> projectDirsDeepestFirst) =>
        projectDirsDeepestFirst.FirstOrDefault(d => file.StartsWith(d + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    /// <summary>Files under a folder, skipping build output and hidden folders, in ordinal order.</summary>
    private static IEnumerable<string> Files(string root, string pattern) =>
        // Links to folders are not followed: two of them side by side would otherwise walk forever.
        new DirectoryWalker(name => name is "bin" or "obj" or "node_modules" || name.StartsWith(".", StringComparison.Ordinal))
            .Files(root, name => Glob.IsMatch(pattern, name))
            .OrderBy(f => f, StringComparer.Ordinal);

    private static List<string> SolutionProjects(string sln)
    {
        var dir = Path.GetDirectoryName(sln)!;
        var result = new List<string>();
        foreach (var line in ScanFiles.Read(sln).Split('\n'))
        {
            if (!line.StartsWith("Project(", StringComparison.Ordinal)) continue;
            var parts = line.Split('"');
            var candidate = parts.FirstOrDefault(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase));
            if (candidate is null) continue;
            var full = Path.GetFullPath(Path.Combine(dir, candidate.Replace('\\', Path.DirectorySeparatorChar)));
            if (File.Exists(full)) result.Add(full);
        }
        return result;
    }

    public static string Relative(string baseDir, string file) => Path.GetRelativePath(baseDir, file).Replace('\\', '/');

    private static string ToJson(List<ScanHit> hits)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            foreach (var h in hits)
            {
                w.WriteStartObject();
                w.WriteString("file", h.File);
                w.WriteNumber("line", h.Line);
                w.WriteNumber("column", h.Column);
                w.WriteString("literal", h.Literal);
                w.WriteString("kind", h.Kind);
                if (h.Api is null) w.WriteNull("api");
                else w.WriteString("api", h.Api);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

/// <summary>
/// Compile references for a scan: the running runtime's assemblies (the CLI runs on .NET 10, whose API is a superset
/// of what projects target) plus the packages of obj/project.assets.json when the project was restored.
/// </summary>
internal static class ProjectReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> FrameworkRefs = new(() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll" or "Microsoft.Win32.Primitives.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList());

    public static IReadOnlyList<MetadataReference> Framework() => FrameworkRefs.Value;

    public static IReadOnlyList<MetadataReference> From(string projectDir)
    {
        var refs = new List<MetadataReference>(Framework());
        var assets = Path.Combine(projectDir, "obj", "project.assets.json");
        if (!File.Exists(assets)) return refs;
        try
        {
            // project.assets.json of a large solution is far bigger than any manifest.
            using var doc = JsonDocument.Parse(ScanFiles.Read(assets, 256L * 1024 * 1024));
            var root = doc.RootElement;
            var folders = root.GetProperty("packageFolders").EnumerateObject().Select(p => p.Name).ToList();
            var libraries = root.GetProperty("libraries");
            var target = root.GetProperty("targets").EnumerateObject().FirstOrDefault();
            if (target.Value.ValueKind != JsonValueKind.Object) return refs;
            var seen = new HashSet<string>(refs.Select(r => Path.GetFileName(r.Display ?? string.Empty)), StringComparer.OrdinalIgnoreCase);
            foreach (var package in target.Value.EnumerateObject())
            {
                if (!package.Value.TryGetProperty("compile", out var compile) || !libraries.TryGetProperty(package.Name, out var lib) || !lib.TryGetProperty("path", out var libPath)) continue;
                foreach (var file in compile.EnumerateObject().Select(c => c.Name).Where(n => n.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
                {
                    var full = folders.Select(f => Path.Combine(f, libPath.GetString()!, file)).FirstOrDefault(File.Exists);
                    if (full != null && seen.Add(Path.GetFileName(full))) refs.Add(MetadataReference.CreateFromFile(full));
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            // An unreadable assets file: the scan falls back to names for this project.
        }
        return refs;
    }
}
