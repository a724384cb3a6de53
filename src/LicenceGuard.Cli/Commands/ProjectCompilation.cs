using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using LicenceGuard.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace LicenceGuard.Cli.Commands;

/// <summary>
/// C# code compiled as its build compiles it, for the analyzer to run over. A project's compiler command line comes
/// from a design-time build — <c>dotnet msbuild -t:Compile</c> with DesignTimeBuild, SkipCompilerExecution and
/// ProvideCommandLineArgs, what editors' workspaces ask for — parsed by Roslyn's own command-line parser: the restored
/// references (framework, packages, project references), language version, defines, nullable, the source files and
/// the additional files (models.yaml and the gate's snapshot when the project uses LicenceGuard). When that build
/// cannot run (no SDK, not restored), the packages of obj/project.assets.json stand in. Loose files compile against
/// the framework alone.
/// </summary>
internal sealed class ProjectCompilation
{
    private ProjectCompilation(Compilation compilation, IReadOnlyList<string> additionalFiles, string? manifest)
    {
        Compilation = compilation;
        AdditionalFiles = additionalFiles;
        Manifest = manifest;
    }

    public Compilation Compilation { get; }
    public IReadOnlyList<string> AdditionalFiles { get; }
    /// <summary>The models.yaml the build would use (null: none, every reference is undeclared).</summary>
    public string? Manifest { get; }

    /// <param name="sources">The project's .cs files, for when the design-time build cannot run.</param>
    /// <param name="configuration">The appsettings*.json beside the project, as the build passes them to the analyzer.</param>
    public static ProjectCompilation ForProject(string project, IReadOnlyList<string> sources, IReadOnlyList<string> configuration)
    {
        var dir = Path.GetDirectoryName(project)!;
        var manifest = ManifestLocator.Find(dir);
        if (CompilerArguments(project, out var failure) is { } args)
        {
            var trees = args.SourceFiles.Where(f => File.Exists(f.Path)).Select(f => Parse(f.Path, args.ParseOptions));
            var references = args.MetadataReferences.Where(r => File.Exists(r.Reference))
                .Select(r => (MetadataReference)MetadataReference.CreateFromFile(r.Reference, r.Properties));
            var compilation = CSharpCompilation.Create(args.CompilationName ?? "scan", trees, references, args.CompilationOptions);
            return new ProjectCompilation(compilation, args.AdditionalFiles.Select(f => f.Path).Concat(configuration).ToList(), manifest);
        }
        Console.Error.WriteLine($"licenceguard: {project}: the design-time build did not give the compiler's arguments ({failure}); scanning with the restored packages of obj/project.assets.json");
        return Create(sources, ProjectReferences.From(dir), configuration, manifest);
    }

    public static ProjectCompilation Loose(IReadOnlyList<string> sources, IReadOnlyList<string> configuration, string? manifest) =>
        Create(sources, ProjectReferences.Framework(), configuration, manifest);

    private static ProjectCompilation Create(IReadOnlyList<string> sources, IReadOnlyList<MetadataReference> references, IReadOnlyList<string> configuration, string? manifest)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var compilation = CSharpCompilation.Create("scan", sources.Select(f => Parse(f, parse)), references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return new ProjectCompilation(compilation, configuration, manifest);
    }

    private static SyntaxTree Parse(string path, CSharpParseOptions options) =>
        CSharpSyntaxTree.ParseText(SourceText.From(ScanFiles.Read(path), Encoding.UTF8), options, path);

    /// <summary>The compiler's arguments from a design-time build (the first target framework of a multi-targeted project).</summary>
    private static CSharpCommandLineArguments? CompilerArguments(string project, out string failure)
    {
        var dir = Path.GetDirectoryName(project)!;
        var args = DesignTimeCommandLine(project, null, out failure);
        if (args is null && ScanFiles.Read(project).IndexOf("<TargetFrameworks>", StringComparison.OrdinalIgnoreCase) >= 0 &&
            MsBuild(project, new[] { "-getProperty:TargetFrameworks" }, out _) is { } json &&
            json.RootElement.GetString()?.Split(';').FirstOrDefault(t => t.Trim().Length > 0) is { } first)
            args = DesignTimeCommandLine(project, first.Trim(), out failure);
        return args is null ? null : CSharpCommandLineParser.Default.Parse(args, dir, sdkDirectory: null);
    }

    private static List<string>? DesignTimeCommandLine(string project, string? targetFramework, out string failure)
    {
        var arguments = new List<string> { "-t:Compile", "-p:DesignTimeBuild=true", "-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true", "-p:BuildProjectReferences=false", "-getItem:CscCommandLineArgs" };
        if (targetFramework != null) arguments.Add("-p:TargetFramework=" + targetFramework);
        using var json = MsBuild(project, arguments, out failure);
        if (json is null) return null;
        var items = json.RootElement.TryGetProperty("Items", out var i) && i.TryGetProperty("CscCommandLineArgs", out var a) ? a.EnumerateArray().Select(e => e.GetProperty("Identity").GetString()!).ToList() : null;
        if (items is null || items.Count == 0) failure = "no compiler arguments";
        return items is { Count: > 0 } ? items : null;
    }

    /// <summary>Runs <c>dotnet msbuild PROJECT ARGS</c> and parses the JSON it prints for -getItem/-getProperty.</summary>
    private static JsonDocument? MsBuild(string project, IEnumerable<string> arguments, out string failure)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(project)! };
        psi.ArgumentList.Add("msbuild");
        psi.ArgumentList.Add(project);
        psi.ArgumentList.Add("-nologo");
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        try
        {
            using var process = Process.Start(psi)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(5 * 60 * 1000))
            {
                process.Kill(entireProcessTree: true);
                failure = "dotnet msbuild ran over 5 minutes";
                return null;
            }
            var start = stdout.IndexOf('{');
            if (process.ExitCode != 0 || start < 0)
            {
                var first = (stdout + stderr.Result).Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))?.Trim();
                failure = $"dotnet msbuild exited with {process.ExitCode}{(first is null ? string.Empty : ": " + first)}";
                // -getProperty of one property prints the bare value, not JSON.
                if (process.ExitCode == 0 && start < 0) return JsonDocument.Parse(JsonSerializer.Serialize(stdout.Trim()));
                return null;
            }
            failure = string.Empty;
            return JsonDocument.Parse(stdout.Substring(start));
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or JsonException or IOException)
        {
            failure = ex.Message;
            return null;
        }
    }
}
