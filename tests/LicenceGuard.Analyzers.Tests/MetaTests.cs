using System.Collections.Immutable;
using LicenceGuard.Analyzers.Detection;
using LicenceGuard.Analyzers.Manifest;
using LicenceGuard.Core.CodeApis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using DiagnosticCatalogue = LicenceGuard.Core.Diagnostics.DiagnosticCatalogue;
using DiagnosticIds = LicenceGuard.Core.Diagnostics.DiagnosticIds;

namespace LicenceGuard.Analyzers.Tests;

/// <summary>Every rule is documented, tracked and consistent with Core's diagnostic catalogue; the SDK table is valid.</summary>
public class MetaTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var d in AllDescriptors()) data.Add(d.Id);
        return data;
    }

    private static ImmutableArray<DiagnosticDescriptor> AllDescriptors() =>
        new DiagnosticAnalyzer[] { new ModelReferenceAnalyzer(), new ConfigurationFileAnalyzer() }
            .SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id).Select(g => g.First()).OrderBy(d => d.Id).ToImmutableArray();

    [Fact]
    public void AnalyzerRules_CoverEveryLG0IdOfCore()
    {
        var core = DiagnosticCatalogue.All.Where(d => d.Id.StartsWith("LG0", StringComparison.Ordinal)).Select(d => d.Id).OrderBy(i => i);
        Assert.Equal(core, AllDescriptors().Select(d => d.Id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_HasHelpPage(string id)
    {
        var page = Path.Combine(TestReferences.RepoRoot, "rules", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing");
        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id, text);
        foreach (var section in new[] { "## Why", "## How to fix", "## How to suppress", "## Example" }) Assert.Contains(section, text);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_HasReleaseTrackingEntryMatchingItsDescriptor(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        var root = Path.Combine(TestReferences.RepoRoot, "src", "LicenceGuard.Analyzers");
        var lines = File.ReadAllLines(Path.Combine(root, "AnalyzerReleases.Shipped.md")).Concat(File.ReadAllLines(Path.Combine(root, "AnalyzerReleases.Unshipped.md")));
        var entry = lines.Select(l => l.Split('|').Select(p => p.Trim()).ToArray()).SingleOrDefault(p => p.Length >= 3 && p[0] == id);
        Assert.NotNull(entry);
        Assert.Equal(descriptor.Category, entry![1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), entry[2]);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_MatchesCoreCatalogueAndHelpUri(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        var core = DiagnosticCatalogue.Get(id);
        Assert.Equal(core.Title, descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(core.Category, descriptor.Category);
        Assert.Equal(core.DefaultSeverity.ToString(), descriptor.DefaultSeverity switch { DiagnosticSeverity.Info => "Info", var s => s.ToString() });
        // No link to a site that does not exist: the page ships in the package and `licenceguard explain` prints it.
        Assert.Equal(string.Empty, descriptor.HelpLinkUri);
    }

    [Fact]
    public void SdkApiTable_EmbeddedFileHasNoErrors()
    {
        Assert.Empty(SdkApiTable.Embedded.Errors);
        Assert.True(SdkApiTable.Embedded.Apis.Count > 40);
    }

    /// <summary>Each entry whose package the tests download names a real type, member, parameter or property.</summary>
    [Fact]
    public void SdkApiTable_EntriesOfDownloadedPackages_ExistInThePackages()
    {
        var compilation = CSharpCompilation.Create("probe", references: TestReferences.References);
        var downloaded = TestReferences.Metadata("SdkPackages").Split(';').Select(e => e.Split('=')[0]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var api in SdkApiTable.Embedded.Apis.Where(a => downloaded.Contains(a.Sdk)))
        {
            var type = compilation.GetTypeByMetadataName(api.Type);
            if (type is null) { problems.Add($"{api.Type}: type not found"); continue; }
            foreach (var member in api.Members)
            {
                var methods = (member == ".ctor" ? type.InstanceConstructors : type.GetMembers(member).OfType<IMethodSymbol>()).ToList();
                if (!methods.Any(m => m.Parameters.Any(p => api.Parameters.Contains(p.Name)))) problems.Add($"{api.Type}.{member}: no parameter named {string.Join("/", api.Parameters)}");
            }
            foreach (var property in api.Properties)
                if (!type.GetMembers(property).OfType<IPropertySymbol>().Any()) problems.Add($"{api.Type}.{property}: property not found");
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void ManifestCache_SameSnapshot_ParsesOnce()
    {
        var text = SourceText.From(Fixtures.Manifest(""));
        var first = ManifestCache.Get(text, "models.yaml");
        Assert.Same(first, ManifestCache.Get(text, "models.yaml"));
        Assert.NotSame(first, ManifestCache.Get(SourceText.From(Fixtures.Manifest("")), "models.yaml"));
    }

    [Fact]
    public void FailureText_LoadFailure_NamesTheException()
    {
        var text = FailureText.Of(new TypeInitializationException("T", new FileLoadException("Could not load YamlDotNet, Version=16.0.0.0")));
        Assert.Equal("FileLoadException: Could not load YamlDotNet, Version=16.0.0.0", text);
    }
}
