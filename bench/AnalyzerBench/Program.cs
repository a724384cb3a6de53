using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

// usage: AnalyzerBench PROJECT_DIR REFERENCES_FILE LICENCEGUARD_DLL BANNED_DIR [RUNS]
// PROJECT_DIR holds src/*.cs, models.yaml, BannedSymbols.txt and, when run.sh wrote it, the gate's
// analyzer-snapshot.tsv (bench/analyzer/generate.py); REFERENCES_FILE lists
// the compilation's reference assemblies, one path per line. Each run is a fresh compilation of the same syntax trees
// (binding is redone, as in a build), analysed by both analyzers together with execution times logged.
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: AnalyzerBench PROJECT_DIR REFERENCES_FILE LICENCEGUARD_DLL BANNED_DIR [RUNS]");
    return 2;
}
var projectDir = args[0];
var runs = args.Length > 4 ? int.Parse(args[4]) : 5;
var loadDirs = new List<string> { Path.GetDirectoryName(Path.GetFullPath(args[2]))!, args[3] };
AppDomain.CurrentDomain.AssemblyResolve += (_, e) =>
{
    var name = new AssemblyName(e.Name).Name + ".dll";
    foreach (var dir in loadDirs)
        if (File.Exists(Path.Combine(dir, name))) return Assembly.LoadFrom(Path.Combine(dir, name));
    return null;
};

var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);
var trees = Directory.GetFiles(Path.Combine(projectDir, "src"), "*.cs").OrderBy(p => p, StringComparer.Ordinal)
    .Select(p => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(p)), parse, p)).ToList();
trees.Add(CSharpSyntaxTree.ParseText("global using System; global using System.IO; global using System.Linq; global using System.Threading.Tasks; global using System.Collections.Generic;", parse, "GlobalUsings.g.cs"));
var references = File.ReadAllLines(args[1]).Where(l => l.Trim().Length > 0).Select(p => MetadataReference.CreateFromFile(p.Trim())).ToList();
var additional = new[] { "models.yaml", "BannedSymbols.txt", "analyzer-snapshot.tsv" }.Select(f => Path.Combine(projectDir, f))
    .Where(File.Exists).Select(p => (AdditionalText)new FileText(p)).ToImmutableArray();

var licenceGuard = Analyzers(Assembly.LoadFrom(Path.GetFullPath(args[2])));
var banned = Directory.GetFiles(args[3], "*.dll").SelectMany(p => Analyzers(Assembly.LoadFrom(p))).ToImmutableArray();
// BENCH_ONLY=licenceguard runs LicenceGuard alone (for a profiler); the ratio then has no meaning.
var all = Environment.GetEnvironmentVariable("BENCH_ONLY") == "licenceguard" ? licenceGuard : licenceGuard.AddRange(banned);

Console.WriteLine($"{trees.Count} files, {references.Count} references, analyzers: {string.Join(", ", all.Select(a => a.GetType().Name))}");
var lgTimes = new List<double>();
var bannedTimes = new List<double>();
for (var run = 0; run <= runs; run++)
{
    var compilation = CSharpCompilation.Create("Bench", trees, references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(additional), (ex, a, d) => Console.Error.WriteLine($"{a}: {ex}"),
        concurrentAnalysis: Environment.GetEnvironmentVariable("BENCH_CONCURRENT") != "0", logAnalyzerExecutionTime: true);
    var withAnalyzers = compilation.WithAnalyzers(all, options);
    var clock = Stopwatch.StartNew();
    var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).Result;
    var wall = clock.Elapsed.TotalSeconds;
    double Time(ImmutableArray<DiagnosticAnalyzer> set) =>
        set.Where(all.Contains).Sum(a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).Result.ExecutionTime.TotalSeconds);
    var lg = Time(licenceGuard);
    var b = Math.Max(Time(banned), 1e-9);
    var ids = string.Join(" ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
    // Run 0 warms up the JIT and the analyzer's per-text cache of models.yaml (the snapshot, or the names read from the
    // text), as a long-lived compiler server would have done already.
    Console.WriteLine($"run {run}{(run == 0 ? " (warm-up)" : "")}: LicenceGuard {lg:F3} s, BannedApiAnalyzers {b:F3} s, ratio {100 * lg / b:F1}%, wall {wall:F2} s, diagnostics {ids}");
    if (run == 0) continue;
    lgTimes.Add(lg);
    bannedTimes.Add(b);
}
if (runs == 0) return 0;
double Median(List<double> v) { var s = v.OrderBy(x => x).ToList(); return s[s.Count / 2]; }
Console.WriteLine($"median of {runs}: LicenceGuard {Median(lgTimes):F3} s, BannedApiAnalyzers {Median(bannedTimes):F3} s, ratio {100 * Median(lgTimes) / Median(bannedTimes):F1}% (target <= 25%)");
return 0;

// Code fix providers in the same assembly need Workspaces, which a compiler does not load: their types are skipped.
static ImmutableArray<DiagnosticAnalyzer> Analyzers(Assembly assembly) =>
    LoadableTypes(assembly).Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) &&
            t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
        .OrderBy(t => t.FullName, StringComparer.Ordinal).Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();

static IEnumerable<Type> LoadableTypes(Assembly assembly)
{
    try { return assembly.GetTypes(); }
    catch (ReflectionTypeLoadException e) { return e.Types.Where(t => t != null)!; }
}

sealed class FileText : AdditionalText
{
    private readonly SourceText _text;
    public FileText(string path) { Path = path; _text = SourceText.From(File.ReadAllText(path)); }
    public override string Path { get; }
    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
