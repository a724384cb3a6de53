using System.Text.Json;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Output;
using LicenceGuard.Core.Policy;
using LicenceGuard.Core.Reports;

namespace LicenceGuard.Core.Tests.Terms;

/// <summary>The licence terms the policy used to get wrong, against the embedded catalogue (the real licence facts).</summary>
public class LicenceTermsTests
{
    private static readonly LicenceCatalogue Catalogue = CatalogueLoader.LoadEmbedded();

    private static Licence TermsOf(string modelId)
    {
        var match = Catalogue.Match(modelId)!;
        return Catalogue.EffectiveTerms(Catalogue.FindLicence(match.LicenceId)!, new[] { modelId });
    }

    private static EvaluationResult Evaluate(string yaml)
    {
        var read = ManifestReader.ReadText(yaml, "models.yaml");
        Assert.NotNull(read.Manifest);
        var result = PolicyEvaluator.Evaluate(read.Manifest!, Catalogue, new PolicyOptions { Today = new DateTime(2026, 12, 6) });
        result.Findings.AddRange(read.Findings);
        return result;
    }

    private const string Org = "organisation: { commercial: true, monthlyActiveUsers: 2000000, annualRevenue: { amount: 6000000, currency: USD }, domicile: US, territories: [US] }\n";

    [Fact]
    public void HunyuanLarge_TerritoryList_IsItsOwn_NotAddedToTheLaterText()
    {
        var terms = TermsOf("tencent/Tencent-Hunyuan-Large");
        Assert.Equal(new[] { "EU" }, terms.TerritoryExclusions.Select(t => t.Value.Code).Distinct());
        Assert.Contains("GB", TermsOf("tencent/Hunyuan-A13B-Instruct").TerritoryExclusions.Select(t => t.Value.Code));
    }

    [Fact]
    public void HunyuanLarge_Edition_NameRevisionAndHash_AreItsOwnText()
    {
        var terms = TermsOf("tencent/Tencent-Hunyuan-Large");
        Assert.Contains("Tencent-Hunyuan-Large Release Date: November 5, 2024", terms.Name);
        Assert.Equal(new DateTime(2024, 11, 5), terms.Revision);
        Assert.Equal("ebd162eb2323150745ffd44cfdfb5de8ab1b99177ed32cd1f6382d5d4ac93a8e", terms.TextSha256?.Value);
    }

    [Fact]
    public void Qwen18B_Edition_IsTheTongyiQianwenResearchText_WithItsSource()
    {
        var terms = TermsOf("Qwen/Qwen-1_8B-Chat");
        Assert.StartsWith("Tongyi Qianwen RESEARCH LICENSE AGREEMENT", terms.Name);
        Assert.Equal(new DateTime(2023, 11, 30), terms.Revision);
        Assert.Contains("QwenLM/Qwen/", terms.CommercialUse!.SourceUrl);
    }

    [Fact]
    public void HunyuanLarge_ReviewOfItsOwnText_DoesNotTrigger_ReviewOlderThanLicence()
    {
        var r = Evaluate(Org + "models:\n  - id: tencent/Tencent-Hunyuan-Large\n    licence: LicenseRef-Tencent-Hunyuan-Community\n" +
            "    review: { by: a, date: 2025-01-10, textSha256: \"ebd162eb2323150745ffd44cfdfb5de8ab1b99177ed32cd1f6382d5d4ac93a8e\" }\n");
        Assert.DoesNotContain(r.Findings, f => f.Id is DiagnosticIds.ReviewOlderThanLicence or DiagnosticIds.LicenceTextChanged);
    }

    [Theory]
    [InlineData("date")]
    [InlineData("on")]
    public void ReviewDate_ReadFromDateOrOn(string key)
    {
        var read = ManifestReader.ReadText($"organisation: {{ commercial: true }}\nmodels:\n  - id: x\n    review: {{ by: a, {key}: 2026-11-02 }}\n", "models.yaml");
        Assert.Empty(read.Findings);
        Assert.Equal(new DateTime(2026, 11, 2), read.Manifest!.Models.Single().Review!.On!.Value);
    }

    [Fact]
    public void ReviewDate_BothKeys_Triggers()
    {
        var read = ManifestReader.ReadText("organisation: { commercial: true }\nmodels:\n  - id: x\n    review: { by: a, date: 2026-11-02, on: 2026-11-01 }\n", "models.yaml");
        Assert.Contains(read.Findings, f => f.Id == DiagnosticIds.ManifestInvalid && f.Message.Contains("both 'date' and 'on'"));
    }

    [Fact]
    public void MissingFigure_AsksForIt_AndClaimsNoBreach()
    {
        var r = Evaluate("organisation: { commercial: true, annualRevenue: { amount: 500000, currency: USD } }\nmodels:\n" +
            "  - id: moonshotai/Kimi-K2-Instruct\n    licence: LicenseRef-Kimi-K2-Modified-MIT\n");
        Assert.DoesNotContain(r.Findings, f => f.Id == DiagnosticIds.AttributionNotMet);
        var ask = Assert.Single(r.Findings, f => f.Id == DiagnosticIds.ManifestInvalid && f.Message.Contains("monthlyActiveUsers"));
        Assert.Contains("100M monthly-active-user threshold", ask.Message);
        Assert.Contains("not a breach", ask.Message);
        Assert.False(r.Models.Single().Duties.Single(d => d.Kind == "attribution").Required);
    }

    [Theory]
    [InlineData("true", "GB (use and distribution)")]
    [InlineData("false", "GB (use)")]
    public void DistributionScopedExclusions_ApplyOnlyWhenTheProductDistributes(string distributes, string expected)
    {
        var r = Evaluate(Org.Replace("territories: [US]", "territories: [GB]") + "models:\n  - id: tencent/Hunyuan-A13B-Instruct\n" +
            $"    licence: LicenseRef-Tencent-Hunyuan-Community\n    distributes: {distributes}\n");
        var f = Assert.Single(r.Findings, f => f.Id == DiagnosticIds.TerritoryExcluded);
        Assert.Contains(expected, f.Message);
    }

    [Fact]
    public void ProviderFamily_AnswersOnlyForItsProvider()
    {
        Assert.Equal("LicenseRef-OpenAI-Services", Catalogue.Match("gpt-4o")!.LicenceId);
        Assert.Equal("LicenseRef-Azure-OpenAI-Terms", Catalogue.MatchFromProvider("gpt-4o", "Azure")!.LicenceId);
        Assert.Null(Catalogue.MatchFromProvider("gpt-4o", "vertex"));
        Assert.Equal("LicenseRef-Google-Vertex-AI-Terms", Catalogue.MatchFromProvider("gemini-2.5-pro", "vertex")!.LicenceId);
        Assert.Equal("LicenseRef-Google-Vertex-AI-Terms", Catalogue.MatchFromProvider("publishers/google/models/gemini-2.5-flash", "Vertex")!.LicenceId);
        Assert.Equal("LicenseRef-Google-Gemini-API-Terms", Catalogue.Match("gemini-2.5-pro")!.LicenceId);
    }

    [Fact]
    public void FineTuneName_MatchedByItsLastSegment_IsADerivative()
    {
        var r = Evaluate(Org + "models:\n  - id: myorg/llama-3.1-8b-ft-v2\n    licence: LicenseRef-Llama-3.1-Community\n");
        var match = r.Models.Single().Match!;
        Assert.True(match.IsDerivative);
        Assert.Equal("LicenseRef-Llama-3.1-Community", match.LicenceId);
        Assert.False(Evaluate(Org + "models:\n  - id: meta-llama/Llama-3.1-8B-Instruct\n    licence: LicenseRef-Llama-3.1-Community\n").Models.Single().Match!.IsDerivative);
    }

    [Fact]
    public void NotPinnedText_IsReportedAndShown_AsNotPinned_NotAsChanged()
    {
        var r = Evaluate(Org + "models:\n  - id: gpt-4o\n    provider: azure\n    licence: LicenseRef-Azure-OpenAI-Terms\n" +
            $"    review: {{ by: a, date: 2026-12-01, textSha256: \"{new string('1', 64)}\" }}\n    hosting: {{ mode: api }}\n");
        Assert.Single(r.Findings, f => f.Id == DiagnosticIds.LicenceTextNotPinned);
        Assert.DoesNotContain(r.Findings, f => f.Id is DiagnosticIds.LicenceTextChanged or DiagnosticIds.LicenceDiffersFromCatalogue);
        var json = ComplianceJson.ToJson(DocumentBuilder.Build(r, new ComplianceExtras()));
        Assert.Contains("\"textCheck\": \"not-pinned\"", json);
        var doc = ComplianceJson.Parse(json);
        Assert.Equal(TextCheck.NotPinned, doc.Models[0].Review!.TextCheck);
        var html = HtmlReport.Generate(doc);
        Assert.Contains("not pinned", html);
        Assert.DoesNotContain("text changed", html);
        Assert.DoesNotContain("no: read again", html);
    }
}

public class UnverifiedCatalogueLicenceTests
{
    private static List<Policy.Finding> Check(string model, string licence) =>
        ComplianceCheck.RunText($"organisation: {{ commercial: true }}\nmodels:\n  - {{ id: \"{model}\", licence: {licence}, hosting: {{ mode: self-hosted }} }}\n", "models.yaml",
            new Policy.PolicyOptions { Today = new DateTime(2026, 12, 1) }).Findings;

    [Fact]
    public void SecondaryEvidence_IsSaid_AtTheLicenceLine()
    {
        var finding = Assert.Single(Check("qwq:32b", "Apache-2.0"), f => f.Id == Diagnostics.DiagnosticIds.CatalogueLicenceUnverified);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("secondary evidence", finding.Message);
        Assert.Equal(3, finding.Location.Line);
    }

    [Fact]
    public void AVerifiedFamily_SaysNothingOfTheKind()
    {
        Assert.DoesNotContain(Check("Qwen/Qwen3-8B", "Apache-2.0"), f => f.Id == Diagnostics.DiagnosticIds.CatalogueLicenceUnverified);
    }
}
