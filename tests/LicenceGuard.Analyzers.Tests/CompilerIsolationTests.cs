using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LicenceGuard.Analyzers.Tests;

/// <summary>
/// The compiler loads one copy of an assembly for every analyzer, so LicenceGuard must not need a third-party one
/// there: another analyzer's YamlDotNet (SecurityCodeScan ships 11.2.1) would otherwise break it, or be broken by it.
/// The analyzer and Core are loaded here into their own context, where YamlDotNet cannot load, and run as in the editor
/// (models.yaml alone) and as in a build (with the gate's snapshot).
/// </summary>
public class CompilerIsolationTests
{
    private const string Source = """
        using OpenAI.Chat;
        class C
        {
            ChatClient A() => new ChatClient("gpt-4o-mini", "key");
            ChatClient B() => new ChatClient("my-house-model", "key");
        }
        """;

    private static readonly string Manifest = Fixtures.Manifest("""
          - id: my-house-model
            aliases: [house]
            licence: null
        """);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Analyzer_NeverLoadsYamlDotNet(bool withGateSnapshot)
    {
        var context = new NoYamlDotNetContext();
        try
        {
            var assembly = context.LoadFromAssemblyName(new AssemblyName("LicenceGuard.Analyzers"));
            var analyzers = new[] { "ModelReferenceAnalyzer", "ConfigurationFileAnalyzer" }
                .Select(n => (DiagnosticAnalyzer)Activator.CreateInstance(assembly.GetType("LicenceGuard.Analyzers." + n)!)!).ToImmutableArray();
            var files = new List<AdditionalText>
            {
                new InMemoryAdditionalText("/p/models.yaml", Manifest),
                new InMemoryAdditionalText("/p/appsettings.json", """{ "Ai": { "Model": "gpt-4o" } }"""),
            };
            if (withGateSnapshot) files.Add(new InMemoryAdditionalText(AnalyzerTest.SnapshotPath, AnalyzerTest.GateSnapshot(Manifest)!));
            var compilation = CSharpCompilation.Create("probe", new[] { CSharpSyntaxTree.ParseText(Source) },
                TestReferences.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var exceptions = new List<Exception>();
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(files.ToImmutableArray()),
                (ex, _, _) => exceptions.Add(ex), concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();

            Assert.Empty(exceptions);
            Assert.Empty(context.Refused);
            Assert.DoesNotContain(context.Assemblies, a => a.GetName().Name == "YamlDotNet");
            Assert.DoesNotContain(diagnostics, d => d.Id == "LG0099");
            // The work was done: the undeclared catalogue model in code and in configuration, not the declared one.
            var undeclared = Assert.Single(diagnostics, d => d.Id == "LG0001");
            Assert.Equal(3, undeclared.Location.GetLineSpan().StartLinePosition.Line);
            Assert.Single(diagnostics, d => d.Id == "LG0006");
            Assert.Equal(!withGateSnapshot, diagnostics.Any(d => d.Id == "LG0020"));
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>LicenceGuard's two assemblies from their bytes; YamlDotNet refused (and recorded) as a compiler without it would.</summary>
    private sealed class NoYamlDotNetContext : AssemblyLoadContext
    {
        public NoYamlDotNetContext() : base(isCollectible: true) { }

        public List<string> Refused { get; } = new();

        protected override Assembly? Load(AssemblyName name)
        {
            switch (name.Name)
            {
                case "LicenceGuard.Analyzers":
                    return LoadFromStream(new MemoryStream(File.ReadAllBytes(typeof(ModelReferenceAnalyzer).Assembly.Location)));
                case "LicenceGuard.Core":
                    return LoadFromStream(new MemoryStream(File.ReadAllBytes(typeof(Core.ComplianceCheck).Assembly.Location)));
                case "YamlDotNet":
                    Refused.Add(name.FullName);
                    throw new FileLoadException("YamlDotNet is not available in the compiler (refused by the test)");
                default:
                    return null;
            }
        }
    }
}
