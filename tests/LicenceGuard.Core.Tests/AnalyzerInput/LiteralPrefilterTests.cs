using LicenceGuard.Core.AnalyzerInput;
using LicenceGuard.Core.Catalogue;

namespace LicenceGuard.Core.Tests.AnalyzerInput;

/// <summary>
/// The prefilter may let through what matches nothing, never the reverse: whatever the declared models or the
/// catalogue match, it must let through. Checked over every catalogue name and pattern, in the shapes code writes them.
/// </summary>
public class LiteralPrefilterTests
{
    private const string Manifest = """
        organisation: { name: Acme, commercial: true }
        models:
          - id: acme/house-model-7b
            aliases: [house7b, "Z"]
            kind: open-weight
            licence: Apache-2.0
            hosting: { mode: self-hosted }
            weights: [{ path: weights/house-q4.gguf }, { path: 'C:\models\onnx\house.onnx' }]
          - id: gpt-4o-mini
            kind: api
            licence: LicenseRef-OpenAI-Services
            hosting: { mode: api, region: us }
        """;

    private static (DeclaredModelIndex Models, LicenceCatalogue Catalogue, LiteralPrefilter Filter) Build(string manifest = Manifest)
    {
        var result = ComplianceCheck.RunText(manifest, "/p/models.yaml");
        var models = DeclaredModelIndex.From(result);
        var catalogue = CatalogueLoader.LoadEmbedded();
        return (models, catalogue, LiteralPrefilter.For(models, catalogue));
    }

    /// <summary>Names, pattern instances and ordinary strings, each also upper-cased, behind host prefixes, as paths and padded.</summary>
    private static IEnumerable<string> Corpus(DeclaredModelIndex models, LicenceCatalogue catalogue)
    {
        var names = new List<string>();
        names.AddRange(models.Models.SelectMany(m => m.Names.Concat(m.FileNames)));
        foreach (var family in catalogue.Families)
        {
            names.AddRange(family.Models.SelectMany(m => m.Aliases.Prepend(m.Id)));
            names.AddRange(family.Examples);
            names.AddRange(family.Patterns.Select(p => p.Replace("*", "x-1").Replace("?", "q")));
            names.AddRange(family.Patterns.Select(p => p.Replace("*", "").Replace("?", "")));
        }
        names.AddRange(new[] { "record-12", "category/3", "beta-7", "svc-1", "not-found", "images/icon-3.png", "a", "ab", "x.onnx", ".onnx", "/", "models/", "hf.co/" });
        var random = new Random(20261129);
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:\\";
        for (var i = 0; i < 2000; i++)
            names.Add(new string(Enumerable.Range(0, random.Next(1, 24)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()));

        foreach (var name in names.Distinct())
        {
            yield return name;
            yield return name.ToUpperInvariant();
            yield return " " + name + "\t";
            foreach (var host in ModelMatcher.HostPrefixes) yield return host + name;
            yield return "models/" + name + ".onnx";
            yield return name + ".GGUF";
            yield return @"C:\weights\" + name + ".safetensors";
            yield return "dir/" + name;
            // Characters outside ASCII that fold onto ASCII ones: long s, dotless i, Kelvin sign.
            yield return name.Replace('s', '\u017F').Replace('i', '\u0131').Replace('k', '\u212A');
        }
    }

    [Fact]
    public void EveryLiteralTheLookupsMatch_IsLetThrough()
    {
        var (models, catalogue, filter) = Build();
        var missed = Corpus(models, catalogue)
            .Where(t => (models.Find(t) != null || catalogue.Match(t) != null) && !filter.MightName(t))
            .Distinct().Take(20).ToList();
        Assert.Empty(missed);
    }

    [Fact]
    public void RangeOfALongerText_AnsweredAsTheLiteralAlone()
    {
        // The analyzer asks about the text between two quotes of a source file; the answer must be the literal's own.
        var (models, catalogue, filter) = Build();
        var differing = Corpus(models, catalogue)
            .Select(t => (Text: t, Padded: "ab/ \"" + t + "\"models/x.onnx"))
            .Where(p => filter.MightName(p.Padded, 5, p.Text.Length) != filter.MightName(p.Text) ||
                        ModelFileExtensions.IsModelFilePath(p.Padded, 5, p.Text.Length) != ModelFileExtensions.IsModelFilePath(p.Text))
            .Select(p => p.Text).Distinct().Take(20).ToList();
        Assert.Empty(differing);
    }

    [Fact]
    public void OrdinaryLiterals_AreMostlyStopped()
    {
        var (_, _, filter) = Build();
        var ordinary = Enumerable.Range(0, 500).SelectMany(i => new[]
        {
            $"record-{i}", $"category/{i % 7}", $"beta-{i}", $"svc-{i}", "not-found", $"images/icon-{i}.png",
            $"https://example.com/ok/{i}", "fallback", $"item-{i}", $"orders/{i}/lines",
        }).Distinct().ToList();
        var through = ordinary.Where(filter.MightName).ToList();
        Assert.True(through.Count < ordinary.Count / 50, $"{through.Count} of {ordinary.Count} ordinary literals let through, e.g. {string.Join(", ", through.Distinct().Take(10))}");
    }

    [Theory]
    [InlineData("acme/house-model-7b")]
    [InlineData("HOUSE7B")]
    [InlineData("z")]
    [InlineData("src/house-q4.gguf")]
    [InlineData(@"D:\other\house.onnx")]
    [InlineData("hf.co/acme/house-model-7b")]
    [InlineData("models/gpt-4o-mini")]
    [InlineData("meta-llama/Llama-3.1-8B-Instruct")]
    [InlineData("ai/models/phi-4.onnx")]
    [InlineData("us.anthropic.claude-sonnet-4-5-v1:0")]
    public void DeclaredAndCatalogueNames_AreLetThrough(string literal)
    {
        var (_, _, filter) = Build();
        Assert.True(filter.MightName(literal));
    }

    [Fact]
    public void LiteralStartingOutsideAscii_IsLetThrough()
    {
        var (_, _, filter) = Build();
        Assert.True(filter.MightName("\uFF47pt-4o"));
    }

    [Fact]
    public void NameStartingOutsideAscii_LetsEverythingThrough()
    {
        var (_, _, filter) = Build(Manifest.Replace("house7b", "\u6A21\u578B-7b"));
        Assert.True(filter.MightName("record-12"));
    }

    [Fact]
    public void EveryHostPrefix_EndsWithASeparator()
    {
        // MightName looks for host prefixes only in literals that contain a separator.
        Assert.All(ModelMatcher.HostPrefixes, h => Assert.EndsWith("/", h));
    }
}
