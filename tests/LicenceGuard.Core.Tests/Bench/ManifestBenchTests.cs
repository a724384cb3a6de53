using LicenceGuard.Bench.Manifest;
using LicenceGuard.Core.Catalogue;

namespace LicenceGuard.Core.Tests.Bench;

/// <summary>
/// bench/ManifestBench measures what it says only if its generated manifest is evaluated whole, with the mix its
/// README describes: reviews that pass, catalogue models recognised, the planted mistakes found, drift from the lock.
/// </summary>
public sealed class ManifestBenchTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lg-manifest-bench-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void GeneratedManifest_BuildRun_EvaluatesEveryModel_WithThePlantedFindingsAndDrift()
    {
        const int models = 200;
        var bench = new BenchCase(_dir);
        Assert.Null(bench.Write(models));

        var run = BuildRun.Execute(bench).Run;

        Assert.NotNull(run.Document);
        Assert.Equal(models, run.Evaluation.Models.Count);
        var byRule = run.Findings.GroupBy(f => f.Id).ToDictionary(g => g.Key, g => g.Count());
        var expected = ManifestGenerator.ExpectedFindingsPerCycle.ToDictionary(e => e.Rule, e => e.Count * models / ManifestGenerator.Cycle);
        expected["LG1201"] = models - BenchCase.ApprovedModels(models);
        Assert.Equal(expected.OrderBy(e => e.Key), byRule.OrderBy(e => e.Key));
        // Only the models made up for the bench are unknown to the catalogue; every other ID matched a family.
        Assert.All(run.Findings.Where(f => f.Id == "LG1023"), f => Assert.StartsWith("acme/", f.ModelId));
        Assert.True(File.Exists(bench.ComplianceManifestPath));
        Assert.True(File.Exists(bench.AnalyzerSnapshotPath));
    }

    [Fact]
    public void GeneratedManifest_HasFourLinesPerModel()
    {
        var text = ManifestGenerator.Generate(40, CatalogueLoader.LoadEmbedded());
        var modelLines = text.Split('\n').SkipWhile(l => l != "models:").Skip(1).Count(l => l.Length > 0);
        Assert.Equal(4 * 40, modelLines);
        Assert.Equal(40, text.Split('\n').Count(l => l.StartsWith("  - id: ", StringComparison.Ordinal)));
    }
}
