using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LicenceGuard.Analyzers.Tests;

/// <summary>When LicenceGuard.Core cannot be loaded (another analyzer's version won, a file is missing), the analyzer
/// reports LG0099 with the exception, never AD0001.</summary>
public class LoadFailureTests
{
    [Fact]
    public async Task CoreAssemblyFailsToLoad_ReportsLG0099NotAD0001()
    {
        // Loaded from its bytes: no copy on disk to clean up, and nothing locked while the context unloads.
        var context = new CoreBlockingContext(File.ReadAllBytes(typeof(ModelReferenceAnalyzer).Assembly.Location));
        try
        {
            var assembly = context.LoadFromAssemblyName(new AssemblyName("LicenceGuard.Analyzers"));
            var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(assembly.GetType("LicenceGuard.Analyzers.ModelReferenceAnalyzer")!)!;
            var compilation = CSharpCompilation.Create("probe", new[] { CSharpSyntaxTree.ParseText("class C { string M() => \"gpt-4o-mini\"; }") },
                TestReferences.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var exceptions = new List<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/p/models.yaml", Fixtures.Manifest("")))),
                (ex, _, _) => exceptions.Add(ex), concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer), options).GetAnalyzerDiagnosticsAsync();

            Assert.Empty(exceptions);
            var failure = Assert.Single(diagnostics);
            Assert.Equal("LG0099", failure.Id);
            Assert.Contains("FileLoadException", failure.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Loads the analyzer from its bytes and refuses LicenceGuard.Core, as a host with a broken install would.</summary>
    private sealed class CoreBlockingContext : AssemblyLoadContext
    {
        private readonly byte[] _analyzer;

        public CoreBlockingContext(byte[] analyzer) : base(isCollectible: true) => _analyzer = analyzer;

        protected override Assembly? Load(AssemblyName name) => name.Name switch
        {
            "LicenceGuard.Analyzers" => LoadFromStream(new MemoryStream(_analyzer)),
            "LicenceGuard.Core" => throw new FileLoadException("Could not load file or assembly 'LicenceGuard.Core' (blocked by the test)"),
            _ => null,
        };
    }
}
