using System.Collections.Immutable;
using System.Diagnostics;
using System.Xml.Linq;
using LicenceGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

// usage: Accuracy MIRRORS_DIR REPO_ROOT [--verbose]
// MIRRORS_DIR holds the repositories as the `fetch` tool lays them out (owner+name/repo, a bare git directory);
// REPO_ROOT is this repository (for tests/accuracy/labels.tsv, the analyzer tests' package list and LicenceGuard.Runtime).
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Accuracy MIRRORS_DIR REPO_ROOT");
    return 2;
}
var mirrors = args[0];
var repoRoot = args[1];
var verbose = args.Contains("--verbose");
var labels = Labels.Read(Path.Combine(repoRoot, "tests", "accuracy", "labels.tsv"));
var references = CompileReferences.Load(repoRoot);
var expected = labels.References.Select(r => r.Key).ToHashSet();
var found = new HashSet<string>();
// What a build shows: LG0001 is an error; LG0005 is info, which `dotnet build` does not print.
var foundAsError = new HashSet<string>();
var suppressed = 0;
var byRule = new Dictionary<string, int>();

foreach (var group in labels.Files.GroupBy(f => (f.Repo, f.Commit, Dir: Path.GetDirectoryName(f.Path)!.Replace('\\', '/'))))
{
    var git = new Git(Path.Combine(mirrors, group.Key.Repo.Replace('/', '+'), "repo"), group.Key.Commit);
    var siblings = git.ListFiles(group.Key.Dir);
    var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);
    var trees = siblings.Where(p => p.EndsWith(".cs", StringComparison.Ordinal))
        .Select(p => CSharpSyntaxTree.ParseText(SourceText.From(git.Read(p)), parse, p)).ToList();
    trees.Add(CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; " +
        "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;", parse, "GlobalUsings.g.cs"));
    var additional = siblings.Where(p => Path.GetFileName(p).StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && p.EndsWith(".json", StringComparison.Ordinal))
        .Select(p => (AdditionalText)new Text(p, git.Read(p))).ToList();
    additional.Add(new Text("models.yaml", "organisation: { name: Accuracy, commercial: true }\nmodels:\n  - id: licenceguard-accuracy-placeholder\n"));
    var compilation = CSharpCompilation.Create("Sample", trees, references, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
    var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ModelReferenceAnalyzer(), new ConfigurationFileAnalyzer());
    // Suppressed diagnostics count as found: detection is measured, and a sample's blanket "#pragma warning disable"
    // is its author's choice (counted apart below).
    var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(additional.ToImmutableArray()), null, concurrentAnalysis: true,
        logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true);
    var diagnostics = compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).Result;
    var chosen = group.Select(f => f.Path).ToHashSet();
    foreach (var diagnostic in diagnostics)
    {
        var span = diagnostic.Location.GetLineSpan();
        if (!chosen.Contains(span.Path)) continue;
        if (verbose) Console.WriteLine(diagnostic);
        byRule[diagnostic.Id] = byRule.GetValueOrDefault(diagnostic.Id) + 1;
        if (diagnostic.IsSuppressed) suppressed++;
        if (diagnostic.Id != "LG0001" && diagnostic.Id != "LG0005") continue;
        var value = diagnostic.Properties.TryGetValue(DiagnosticProperties.ModelId, out var id) ? id : null;
        var key = Labels.Key(group.Key.Repo, span.Path, span.StartLinePosition.Line + 1, value ?? "?");
        found.Add(key);
        if (diagnostic.Id == "LG0001") foundAsError.Add(key);
    }
}

var truePositives = found.Count(expected.Contains);
var falsePositives = found.Where(f => !expected.Contains(f)).OrderBy(f => f, StringComparer.Ordinal).ToList();
var misses = expected.Where(e => !found.Contains(e)).OrderBy(e => e, StringComparer.Ordinal).ToList();
Console.WriteLine($"files: {labels.Files.Count} in {labels.Files.Select(f => f.Repo).Distinct().Count()} repositories; labelled references: {expected.Count}");
Console.WriteLine($"found: {found.Count} (true {truePositives}, false {falsePositives.Count}); missed: {misses.Count}");
Console.WriteLine($"recall: {(double)truePositives / expected.Count:F3}; precision: {(found.Count == 0 ? 0 : (double)truePositives / found.Count):F3}");
Console.WriteLine($"true positives reported as LG0001 (an error in the build): {found.Count(f => expected.Contains(f) && foundAsError.Contains(f))}; " +
    $"only as LG0005 (info): {found.Count(f => expected.Contains(f) && !foundAsError.Contains(f))}");
Console.WriteLine("diagnostics in the labelled files: " + string.Join(", ", byRule.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")) +
    $"; of them suppressed in source: {suppressed}");
foreach (var f in falsePositives) Console.WriteLine("false positive: " + f);
foreach (var m in misses) Console.WriteLine("missed: " + m);
return 0;

/// <summary>tests/accuracy/labels.tsv: "file" rows (repo, commit, path) and "ref" rows (repo, path, line, value, excerpt).</summary>
sealed record Labels(List<(string Repo, string Commit, string Path)> Files, List<(string Key, string Excerpt)> References)
{
    public static string Key(string repo, string path, int line, string value) => $"{repo}:{path}({line}) {value}";

    public static Labels Read(string path)
    {
        var files = new List<(string, string, string)>();
        var references = new List<(string, string)>();
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var cells = line.Split('\t');
            if (cells[0] == "file") files.Add((cells[1], cells[2], cells[3]));
            else if (cells[0] == "ref") references.Add((Key(cells[1], cells[2], int.Parse(cells[3]), cells[4]), cells.Length > 5 ? cells[5] : ""));
            else throw new InvalidDataException($"{path}: unknown row '{cells[0]}'");
        }
        return new Labels(files, references);
    }
}

/// <summary>The framework (this process's runtime), LicenceGuard.Runtime and the SDK packages of the analyzer tests.</summary>
static class CompileReferences
{
    private static readonly string[] Tfms = { "net8.0", "net6.0", "netstandard2.1", "netstandard2.0" };

    public static List<MetadataReference> Load(string repoRoot)
    {
        var paths = Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll").Where(IsManagedReference).ToList();
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var project = XDocument.Load(Path.Combine(repoRoot, "tests", "LicenceGuard.Analyzers.Tests", "LicenceGuard.Analyzers.Tests.csproj"));
        foreach (var download in project.Descendants("PackageDownload"))
        {
            var dir = Path.Combine(cache, download.Attribute("Include")!.Value.ToLowerInvariant(), download.Attribute("Version")!.Value.Trim('[', ']'));
            foreach (var kind in new[] { "ref", "lib" })
            {
                var tfm = Tfms.Select(t => Path.Combine(dir, kind, t)).FirstOrDefault(d => Directory.Exists(d) && Directory.GetFiles(d, "*.dll").Length > 0);
                if (tfm is null) continue;
                paths.AddRange(Directory.GetFiles(tfm, "*.dll"));
                break;
            }
        }
        var guard = Path.Combine(repoRoot, "src", "LicenceGuard.Runtime", "bin", "Release", "net8.0", "LicenceGuard.Runtime.dll");
        if (File.Exists(guard)) paths.Add(guard);
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }

    private static bool IsManagedReference(string path)
    {
        try { System.Reflection.AssemblyName.GetAssemblyName(path); return true; }
        catch (BadImageFormatException) { return false; }
    }
}

/// <summary>Reads files of one commit from a bare mirror with git itself.</summary>
sealed class Git(string directory, string commit)
{
    public List<string> ListFiles(string folder) =>
        Run("ls-tree", "--name-only", commit, folder + "/").Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    public string Read(string path) => Run("show", commit + ":" + path);

    private string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--git-dir=" + directory);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {process.StandardError.ReadToEnd()}");
        return output;
    }
}

sealed class Text(string path, string content) : AdditionalText
{
    public override string Path { get; } = path;
    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(content);
}
