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

    [Theory]
    [InlineData("")]
    [InlineData("licenceguard-analyzer-snapshot\t2\nmanifest-sha256\tab\nend\n")]
    [InlineData("licenceguard-analyzer-snapshot\t1\nmanifest-sha256\tab\nmodel\tx\n")]
    [InlineData("licenceguard-analyzer-snapshot\t1\nmanifest-sha256\tab\nname\torphan\nend\n")]
    [InlineData("licenceguard-analyzer-snapshot\t1\nmanifest-sha256\tab\nunknown\tline\nend\n")]
    [InlineData("licenceguard-analyzer-snapshot\t1\nmanifest-sha256\tab\nmodel\tx\\q\t\tinside\tapi\nend\n")]
    public void Read_NotACompleteSnapshot_IsNull(string text) => Assert.Null(AnalyzerSnapshot.Read(text));

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
