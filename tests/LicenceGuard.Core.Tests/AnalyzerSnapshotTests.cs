using LicenceGuard.Core.AnalyzerInput;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.CodeApis;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Core.Tests;

/// <summary>The build gate's snapshot for the analyzer reads back as the same declared models, families and SDK table.</summary>
public class AnalyzerSnapshotTests
{
    private const string Manifest = """
        organisation:
          name: Acme
          commercial: true
          monthlyActiveUsers: 1000
          perimeter: { mustStayInside: [health], inside: [self-hosted] }
        models:
          - id: gpt-4o-mini
            aliases: ["mini\twith tab", 'back\slash']
            kind: api
            licence: LicenseRef-OpenAI-Services
            hosting: { mode: api, region: us }
          - id: Qwen/Qwen3-8B
            kind: open-weight
            licence: Apache-2.0
            hosting: { mode: self-hosted }
            weights: [{ path: models/qwen3-8b.gguf }]
        """;

    private static (EvaluationResult Result, AnalyzerSnapshot Snapshot) RoundTrip()
    {
        var result = ComplianceCheck.RunText(Manifest, "/p/models.yaml");
        var text = AnalyzerSnapshot.Write(Manifest, result, SdkApiTable.Embedded);
        var snapshot = AnalyzerSnapshot.Read(text);
        Assert.NotNull(snapshot);
        return (result, snapshot!);
    }

    [Fact]
    public void Snapshot_NamesTheManifestText()
    {
        var (_, snapshot) = RoundTrip();
        Assert.Equal(AnalyzerSnapshot.Hash(Manifest), snapshot.ManifestSha256);
        Assert.NotEqual(AnalyzerSnapshot.Hash(Manifest + " "), snapshot.ManifestSha256);
    }

    [Fact]
    public void Snapshot_DeclaredModels_MatchTheEvaluation()
    {
        var (result, snapshot) = RoundTrip();
        var expected = DeclaredModelIndex.From(result);
        Assert.Equal(expected.MustStayInside, snapshot.Models.MustStayInside);
        Assert.Equal(expected.Models.Select(m => (m.Id, m.Findings, m.InsidePerimeter, m.Where)),
            snapshot.Models.Models.Select(m => (m.Id, m.Findings, m.InsidePerimeter, m.Where)));
        // The unreviewed API model has findings (LG1005) and runs outside the perimeter; the self-hosted one is inside.
        var mini = snapshot.Models.Find("GPT-4o-mini");
        Assert.NotNull(mini);
        Assert.Contains("LG1005", mini!.Findings);
        Assert.False(mini.InsidePerimeter);
        Assert.Equal("api:us", mini.Where);
        Assert.Same(mini, snapshot.Models.Find("mini\twith tab"));
        Assert.Same(mini, snapshot.Models.Find("back\\slash"));
        var qwen = snapshot.Models.Find("/opt/models/qwen3-8b.gguf");
        Assert.NotNull(qwen);
        Assert.Equal("Qwen/Qwen3-8B", qwen!.Id);
        Assert.True(qwen.InsidePerimeter);
    }

    [Theory]
    [InlineData("meta-llama/Llama-3.1-8B-Instruct")]
    [InlineData("gpt-4o")]
    [InlineData("models/phi-4.onnx")]
    [InlineData("deepseek-ai/DeepSeek-V3")]
    [InlineData("record-17")]
    public void Snapshot_Families_ClassifyLikeTheCatalogue(string id)
    {
        var (result, snapshot) = RoundTrip();
        var expected = result.Catalogue.Match(id);
        var actual = snapshot.Catalogue.Match(id);
        Assert.Equal(expected?.Family.Id, actual?.Family.Id);
        Assert.Equal(expected?.LicenceId, actual?.LicenceId);
        Assert.Equal(expected?.MatchedBy, actual?.MatchedBy);
        Assert.Equal(expected?.Model?.Id, actual?.Model?.Id);
    }

    [Fact]
    public void Snapshot_SdkTable_IsTheEmbeddedOne()
    {
        var (_, snapshot) = RoundTrip();
        Assert.Equal(SdkApiTable.Embedded.Apis.Select(Describe), snapshot.Apis.Apis.Select(Describe));

        static string Describe(SdkApi a) => string.Join("|", a.Sdk, a.Type, a.Kind, a.Hosting ?? "-", string.Join(",", a.Members),
            string.Join(",", a.Parameters), string.Join(",", a.Properties));
    }

    private const string NoFilter = "0000000000000000";
    private static readonly string Prefilter = "prefilter\t000\t" + NoFilter + "\t" + NoFilter + "\t" + string.Concat(Enumerable.Repeat(NoFilter, 512)) + "\n";

    [Theory]
    [InlineData("")]
    [InlineData("licenceguard-analyzer-snapshot\t1\nmanifest-sha256\tab\nend\n")]
    [InlineData("licenceguard-analyzer-snapshot\t2\nmanifest-sha256\tab\nend\n")]
    [InlineData("licenceguard-analyzer-snapshot\t2\nmanifest-sha256\tab\nprefilter\t000\tzz\nend\n")]
    [InlineData("licenceguard-analyzer-snapshot\t2\nmanifest-sha256\tab\n{prefilter}model\tx\n")]
    [InlineData("licenceguard-analyzer-snapshot\t2\nmanifest-sha256\tab\n{prefilter}name\torphan\nend\n")]
    [InlineData("licenceguard-analyzer-snapshot\t2\nmanifest-sha256\tab\n{prefilter}unknown\tline\nend\n")]
    [InlineData("licenceguard-analyzer-snapshot\t2\nmanifest-sha256\tab\n{prefilter}model\tx\\q\t\tinside\tapi\nend\n")]
    public void Read_NotACompleteSnapshot_IsNull(string text) => Assert.Null(AnalyzerSnapshot.Read(text.Replace("{prefilter}", Prefilter)));

    [Fact]
    public void Read_CompleteMinimalSnapshot_IsRead()
    {
        Assert.NotNull(AnalyzerSnapshot.Read("licenceguard-analyzer-snapshot\t2\nmanifest-sha256\tab\n" + Prefilter + "end\n"));
    }

    [Fact]
    public void Snapshot_Prefilter_AnswersLikeOneBuiltFromTheCatalogue()
    {
        var (result, snapshot) = RoundTrip();
        var built = LiteralPrefilter.For(DeclaredModelIndex.From(result), result.Catalogue);
        var random = new Random(3);
        var literals = result.Catalogue.Families
            .SelectMany(f => f.Models.SelectMany(m => m.Aliases.Prepend(m.Id)).Concat(f.Examples).Concat(f.Patterns.Select(p => p.Replace("*", "x"))))
            .Concat(new[] { "models/qwen3-8b.gguf", "acme/house", "record-17", "images/a.png", "" })
            .Concat(Enumerable.Range(0, 3000).Select(_ => new string(Enumerable.Range(0, random.Next(1, 12)).Select(_ => (char)random.Next(32, 127)).ToArray())))
            .ToList();
        Assert.All(literals, l => Assert.Equal(built.MightName(l), snapshot.Prefilter.MightName(l)));
        Assert.Contains(literals, snapshot.Prefilter.MightName);
    }

    [Fact]
    public void DamagedFamilyLine_IsReportedWhenTheCatalogueIsFirstNeeded()
    {
        var result = ComplianceCheck.RunText(Manifest, "/p/models.yaml");
        var text = AnalyzerSnapshot.Write(Manifest, result, SdkApiTable.Embedded);
        var damaged = AnalyzerSnapshot.Read(text.Replace("\nknown\t", "\nknown\tbad\\q\t"));
        Assert.NotNull(damaged);
        Assert.NotNull(damaged!.Prefilter);
        var error = Assert.Throws<InvalidDataException>(() => damaged.Catalogue);
        var line = text.Split('\n').ToList().FindIndex(l => l.StartsWith("known\t", StringComparison.Ordinal)) + 1;
        Assert.StartsWith($"{AnalyzerSnapshot.FileName}({line},1): damaged model-family line", error.Message);
    }

    [Fact]
    public void WriteFile_UnreadableManifest_RemovesOldSnapshot()
    {
        var dir = Directory.CreateTempSubdirectory("lg-snapshot").FullName;
        var manifest = Path.Combine(dir, "models.yaml");
        var snapshot = Path.Combine(dir, AnalyzerSnapshot.FileName);
        File.WriteAllText(manifest, Manifest);
        AnalyzerSnapshot.WriteFile(manifest, ComplianceCheck.RunFile(manifest), snapshot);
        Assert.NotNull(AnalyzerSnapshot.Read(File.ReadAllText(snapshot)));

        File.WriteAllText(manifest, "models: [unclosed");
        AnalyzerSnapshot.WriteFile(manifest, ComplianceCheck.RunFile(manifest), snapshot);
        Assert.False(File.Exists(snapshot));
        Directory.Delete(dir, recursive: true);
    }
}
