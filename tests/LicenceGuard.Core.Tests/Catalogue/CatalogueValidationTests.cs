using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Text;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.Tests.Catalogue;

/// <summary>Guards the structure of the catalogue data: every fact sourced, ids unique, patterns unambiguous.</summary>
public class CatalogueValidationTests
{
    private static readonly string[] FactKeys =
    {
        "commercialUse", "attribution", "notice", "derivativeNaming", "acceptableUsePolicy", "outputsMayTrainOtherModels",
        "termination", "governingLaw", "text",
    };

    private static readonly string[] FactListKeys = { "thresholds", "territoryExclusions", "domicileExclusions" };

    [Fact]
    public void EmbeddedCatalogue_Loads_WithoutFindings()
    {
        var catalogue = CatalogueLoader.LoadEmbedded();
        Assert.Empty(catalogue.Findings.Select(f => f.ToString()));
        Assert.NotNull(catalogue.Date);
        Assert.True(catalogue.Licences.Count >= 40, $"{catalogue.Licences.Count} licences");
        var ids = catalogue.Families.SelectMany(f => f.Models.SelectMany(m => m.Aliases.Prepend(m.Id))).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        Assert.True(ids >= 150, $"{ids} model IDs");
        Assert.True(catalogue.Gpus.Count >= 10, $"{catalogue.Gpus.Count} GPUs");
    }

    [Fact]
    public void EveryLicenceFact_NamesASource_ThatResolves()
    {
        var problems = new List<string>();
        foreach (var file in RulesFolder.LicenceFiles)
        {
            var map = RulesFolder.Read(file);
            var sources = map["sources"] as YMapping;
            if (sources is null || sources.Entries.Count == 0) problems.Add($"{Path.GetFileName(file)}: no sources");
            void Check(YNode? node, string what)
            {
                if (node is not YMapping fact) return;
                var source = fact["source"] as YScalar;
                if (source is null || source.IsNull) problems.Add($"{Path.GetFileName(file)}({fact.Location.Line}): {what} has no source");
                else if (sources?[source.Value] is null && !source.Value.StartsWith("http", StringComparison.Ordinal))
                    problems.Add($"{Path.GetFileName(file)}({source.Location.Line}): {what} names source '{source.Value}', not in sources");
            }
            foreach (var key in FactKeys) Check(map[key], key);
            foreach (var key in FactListKeys)
                if (map[key] is YSequence list) foreach (var item in list.Items) Check(item, key);
            if (map["dataUse"] is YMapping dataUse) foreach (var e in dataUse.Entries) Check(e.Value, "dataUse." + e.Key.Value);
            if (map["modelSpecific"] is YSequence ms)
                foreach (var clause in ms.Items.OfType<YMapping>())
                    foreach (var key in FactListKeys)
                        if (clause[key] is YSequence list) foreach (var item in list.Items) Check(item, "modelSpecific." + key);
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void LicenceFileName_IsItsId_AndIdsAreUnique()
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in RulesFolder.LicenceFiles)
        {
            var id = (RulesFolder.Read(file)["id"] as YScalar)?.Value;
            Assert.Equal(Path.GetFileNameWithoutExtension(file), id);
            Assert.True(ids.Add(id!), $"duplicate licence id {id}");
        }
    }

    [Fact]
    public void SavedLicenceTexts_MatchTheirPinnedHash()
    {
        var catalogue = CatalogueLoader.LoadEmbedded();
        var checkedTexts = 0;
        foreach (var licence in catalogue.Licences.Values)
        {
            var textFile = Path.Combine(RulesFolder.Root, "texts", licence.Id + ".txt");
            if (!File.Exists(textFile) || licence.TextSha256?.Value is not string pinned) continue;
            Assert.Equal(pinned, LicenceText.CanonicalSha256(File.ReadAllBytes(textFile)));
            checkedTexts++;
        }
        Assert.True(checkedTexts >= 25, $"only {checkedTexts} texts checked");
    }

    /// <summary>A model-specific edition's text (Hunyuan-Large's 2024 text, Qwen-1.8B's 2023 text) matches its pinned hash too.</summary>
    [Fact]
    public void ModelSpecificTexts_MatchTheirPinnedHash()
    {
        var checkedTexts = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(RulesFolder.Root, "licences"), "*.yaml"))
        {
            var map = (YMapping)YamlTreeReader.ReadText(File.ReadAllText(file), file, out _)!;
            if (map["modelSpecific"] is not YSequence clauses) continue;
            foreach (var clause in clauses.Items.OfType<YMapping>())
            {
                if (clause["text"] is not YMapping text || text["file"] is not YScalar { IsNull: false } path || text["sha256"] is not YScalar { IsNull: false } sha) continue;
                Assert.Equal(sha.Value, LicenceText.CanonicalSha256(File.ReadAllBytes(Path.Combine(RulesFolder.Root, path.Value))));
                checkedTexts++;
            }
        }
        Assert.True(checkedTexts >= 5, $"only {checkedTexts} model-specific texts checked");
    }

    [Fact]
    public void LicenceAliases_AreUnambiguous()
    {
        var owner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var clashes = new List<string>();
        foreach (var l in CatalogueLoader.LoadEmbedded().Licences.Values)
            foreach (var name in l.Aliases.Prepend(l.Id).Distinct(StringComparer.OrdinalIgnoreCase))
                if (owner.TryGetValue(name, out var other) && other != l.Id) clashes.Add($"'{name}': {other} and {l.Id}");
                else owner[name] = l.Id;
        Assert.Empty(clashes);
    }

    [Fact]
    public void ModelIdsAndAliases_BelongToOneFamily()
    {
        var owner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var clashes = new List<string>();
        foreach (var f in CatalogueLoader.LoadEmbedded().Families)
            foreach (var name in f.Models.SelectMany(m => m.Aliases.Prepend(m.Id)).Distinct(StringComparer.OrdinalIgnoreCase))
                if (owner.TryGetValue(name, out var other) && other != f.Id) clashes.Add($"'{name}': {other} and {f.Id}");
                else owner[name] = f.Id;
        Assert.Empty(clashes);
    }

    [Fact]
    public void EveryFamilyExample_MatchesItsFamily_AndNoOther()
    {
        var catalogue = CatalogueLoader.LoadEmbedded();
        var problems = new List<string>();
        foreach (var family in catalogue.Families)
        {
            if (family.Examples.Count == 0 && family.Models.Count == 0) problems.Add($"{family.Id}: no examples");
            foreach (var example in family.Examples)
            {
                // A provider family answers for its providers only; it competes with the families of the same providers.
                var match = family.Providers.Count == 0 ? catalogue.Match(example) : catalogue.MatchFromProvider(example, family.Providers[0]);
                if (match?.Family.Id != family.Id) problems.Add($"{family.Id}: example '{example}' matches {match?.Family.Id ?? "nothing"}");
                var others = catalogue.Families.Where(o => o.Id != family.Id && SamePool(o, family) && o.Patterns.Any(p => Glob.IsMatch(p, example))).Select(o => o.Id).ToList();
                if (others.Count > 0 && match?.Model is null) problems.Add($"{family.Id}: example '{example}' also matches a pattern of {string.Join(", ", others)}");
            }
        }
        Assert.Empty(problems);
    }

    private static bool SamePool(ModelFamily a, ModelFamily b) =>
        a.Providers.Count == 0 && b.Providers.Count == 0 || a.Providers.Intersect(b.Providers).Any();

    [Fact]
    public void EveryFamilyLicence_IsInTheCatalogue()
    {
        var catalogue = CatalogueLoader.LoadEmbedded();
        var missing = catalogue.Families.Where(f => f.Licence.Length > 0 && catalogue.FindLicence(f.Licence) is null)
            .Select(f => $"{f.Id} → {f.Licence}")
            .Concat(catalogue.Families.SelectMany(f => f.Models).Where(m => m.Licence != null && catalogue.FindLicence(m.Licence) is null).Select(m => $"{m.Id} → {m.Licence}"))
            .ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("meta-llama/Llama-3.1-8B-Instruct", "LicenseRef-Llama-3.1-Community")]
    [InlineData("llama3.1:8b", "LicenseRef-Llama-3.1-Community")]
    [InlineData("moonshotai/Kimi-K2-Instruct", "LicenseRef-Kimi-K2-Modified-MIT")]
    [InlineData("Qwen/Qwen3-235B-A22B", "Apache-2.0")]
    [InlineData("deepseek-ai/DeepSeek-R1", "MIT")]
    [InlineData("gpt-4o-mini", "LicenseRef-OpenAI-Services")]
    [InlineData("claude-sonnet-4-5", "LicenseRef-Anthropic-Commercial-Terms")]
    [InlineData("models/phi-4.onnx", "MIT")]
    [InlineData("tencent/HunyuanVideo", "LicenseRef-Tencent-HunyuanVideo-Community")]
    [InlineData("XiaomiMiMo/MiMo-V2.5-Pro", "MIT")]
    [InlineData("ai/llama3.2", "LicenseRef-Llama-3.2-Community")]
    [InlineData("ai/llama3.1:8B-Q4_K_M", "LicenseRef-Llama-3.1-Community")]
    [InlineData("ai/deepseek-r1-distill-llama", "LicenseRef-Llama-3.1-Community")]
    [InlineData("ai/deepseek-r1-distill-llama:70B-Q4_K_M", "LicenseRef-Llama-3.3-Community")]
    [InlineData("ai/qwen2.5:3B-F16", "LicenseRef-Qwen-Research")]
    [InlineData("ai/qwen2.5:7B-Q4_K_M", "Apache-2.0")]
    [InlineData("ai/gemma3:4B", "LicenseRef-Gemma-Terms-of-Use")]
    [InlineData("ai/phi4", "MIT")]
    [InlineData("ai/mistral", "Apache-2.0")]
    [InlineData("ai/gpt-oss:20B-UD-Q4_K_XL", "Apache-2.0")]
    [InlineData("nvidia/Llama-3_1-Nemotron-51B-Instruct", "LicenseRef-NVIDIA-Open-Model")]
    [InlineData("nvidia/Mistral-Nemo-12B-Instruct-ONNX-INT4", "LicenseRef-NVIDIA-Open-Model")]
    [InlineData("ai/kimi-k2", "LicenseRef-Kimi-K2-Modified-MIT")]
    [InlineData("XiaomiMiMo/MiMo-7B-RL", "MIT")]
    [InlineData("XiaomiMiMo/MiMo-V2-Flash", "MIT")]
    [InlineData("qwq", "Apache-2.0")]
    [InlineData("qwq:32b", "Apache-2.0")]
    [InlineData("Qwen/QwQ-32B", "Apache-2.0")]
    [InlineData("ai/qwq:32B-Q4_K_M", "Apache-2.0")]
    [InlineData("smollm2:1.7b", "Apache-2.0")]
    [InlineData("ai/smollm2", "Apache-2.0")]
    [InlineData("tinyllama", "Apache-2.0")]
    [InlineData("nomic-embed-text", "Apache-2.0")]
    [InlineData("ai/nomic-embed-text-v1.5", "Apache-2.0")]
    [InlineData("mxbai-embed-large", "Apache-2.0")]
    [InlineData("all-minilm:l6-v2", "Apache-2.0")]
    [InlineData("snowflake-arctic-embed2", "Apache-2.0")]
    [InlineData("ai/smollm3:Q8_0", "Apache-2.0")]
    [InlineData("ai/moondream2", "Apache-2.0")]
    public void WellKnownIds_MatchTheirWeightsLicence(string id, string licence)
    {
        var match = CatalogueLoader.LoadEmbedded().Match(id);
        Assert.NotNull(match);
        Assert.Equal(licence, match!.LicenceId);
    }

    [Theory]
    [InlineData("https://example.com/v1/chat")]
    [InlineData("images/logo.png")]
    [InlineData("hello world")]
    [InlineData("System.String")]
    public void OrdinaryStrings_MatchNoFamily(string text) => Assert.Null(CatalogueLoader.LoadEmbedded().Match(text));

    [Fact]
    public void Llama32VisionModels_CarryTheEuDomicileExclusion_TextModelsDoNot()
    {
        var catalogue = CatalogueLoader.LoadEmbedded();
        var licence = catalogue.FindLicence("LicenseRef-Llama-3.2-Community")!;
        Assert.Contains(catalogue.EffectiveTerms(licence, new[] { "meta-llama/Llama-3.2-11B-Vision-Instruct" }).DomicileExclusions, e => e.Value.Code == "EU");
        Assert.DoesNotContain(catalogue.EffectiveTerms(licence, new[] { "meta-llama/Llama-3.2-3B-Instruct" }).DomicileExclusions, e => e.Value.Code == "EU");
    }

    [Fact]
    public void Llama31_HasTheSevenHundredMillionThreshold()
    {
        var t = Assert.Single(CatalogueLoader.LoadEmbedded().FindLicence("LicenseRef-Llama-3.1-Community")!.Thresholds);
        Assert.Equal("monthly-active-users", t.Metric);
        Assert.Equal(700_000_000m, t.Value);
        Assert.Equal("separate-licence-required", t.Effect);
        Assert.NotNull(t.Fact.SourceUrl);
    }
}
