using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Core.Tests;

public class PolicyEvaluatorTests
{
    [Fact]
    public void CompliantModel_AllDutiesMet_DoesNotTrigger()
    {
        var r = Eval.Run(Eval.Manifest(Eval.Org, Eval.ReviewedModel));
        Assert.DoesNotContain(r.Findings, f => f.Severity != Severity.Info);
        Assert.Equal(Verdict.Pass, r.Models.Single().Verdict);
    }

    [Fact]
    public void ModelWithoutLicence_Triggers_AtTheModelLine_WithCatalogueHint()
    {
        var r = Eval.Run(Eval.Manifest(Eval.Org, "  - id: test/Model-8B\n    hosting: { mode: self-hosted }"));
        var f = Assert.Single(r.Unwaived(DiagnosticIds.ModelWithoutLicence));
        Assert.Equal(12, f.Location.Line); // organisation is lines 1-10, 'models:' line 11
        Assert.Contains("LicenseRef-Test-Community", f.Message);
    }

    [Fact]
    public void UnknownLicence_Triggers_AtTheLicenceValue()
    {
        var r = Eval.Run(Eval.Manifest(Eval.Org, "  - id: test/Model-8B\n    licence: LicenseRef-Nope"));
        var f = Assert.Single(r.Unwaived(DiagnosticIds.UnknownLicence));
        Assert.Equal((13, 14), (f.Location.Line, f.Location.Column));
    }

    [Fact]
    public void LicenceAlias_IsAccepted_DoesNotTrigger()
    {
        var r = Eval.Run(Eval.Manifest(Eval.Org, Eval.ReviewedModel.Replace("licence: LicenseRef-Test-Community", "licence: test-community")));
        Assert.Empty(r.Unwaived(DiagnosticIds.UnknownLicence));
    }

    [Fact]
    public void MissingReview_Triggers()
    {
        var r = Eval.Run(Eval.Manifest(Eval.Org, "  - id: test/Model-8B\n    licence: LicenseRef-Test-Community\n    attribution: { shown: About, notice: N }"));
        Assert.Single(r.Unwaived(DiagnosticIds.LicenceNotReviewed));
    }

    [Fact]
    public void ReviewedHashDiffers_Triggers_AtTheHash()
    {
        var yaml = Eval.Manifest(Eval.Org, Eval.ReviewedModel.Replace(new string('a', 64), new string('d', 64)));
        var f = Assert.Single(Eval.Run(yaml).Unwaived(DiagnosticIds.LicenceTextChanged));
        Assert.Contains("dddddddddddd", f.Message);
        Assert.Contains("aaaaaaaaaaaa", f.Message);
    }

    [Fact]
    public void ReviewOlderThanLicenceRevision_Triggers()
    {
        var yaml = Eval.Manifest(Eval.Org, Eval.ReviewedModel.Replace("on: 2026-11-02", "on: 2026-01-02"));
        Assert.Single(Eval.Run(yaml).Unwaived(DiagnosticIds.ReviewOlderThanLicence));
    }

    [Fact]
    public void NonCommercialLicence_InCommercialProduct_Triggers()
    {
        var model = "  - id: test/NC-1\n    licence: LicenseRef-Test-NC\n    review: { by: a, on: 2026-11-01, textSha256: \"" + new string('c', 64) + "\" }\n    hosting: { mode: self-hosted }";
        Assert.Single(Eval.Run(Eval.Manifest(Eval.Org, model)).Unwaived(DiagnosticIds.NonCommercialLicence));
        Assert.Empty(Eval.Run(Eval.Manifest(Eval.Org.Replace("commercial: true", "commercial: false"), model)).Unwaived(DiagnosticIds.NonCommercialLicence));
    }

    [Fact]
    public void MonthlyActiveUsersOverThreshold_Triggers_WithBothNumbers()
    {
        var r = Eval.Run(Eval.Manifest(Eval.Org.Replace("monthlyActiveUsers: 3500000", "monthlyActiveUsers: 812000000"), Eval.ReviewedModel));
        var f = Assert.Single(r.Unwaived(DiagnosticIds.ThresholdExceeded));
        Assert.Contains("700M", f.Message);
        Assert.Contains("812M", f.Message);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal(Verdict.Fail, r.Models.Single().Verdict);
        Assert.True(r.Models.Single().Thresholds.Single(t => t.Threshold.Metric == "monthly-active-users").HeadroomPercent < 0);
    }

    [Fact]
    public void FigureWithinMargin_TriggersWarning_NotError()
    {
        var r = Eval.Run(Eval.Manifest(Eval.Org.Replace("monthlyActiveUsers: 3500000", "monthlyActiveUsers: 650000000"), Eval.ReviewedModel));
        var f = Assert.Single(r.Unwaived(DiagnosticIds.ThresholdNear));
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("650M", f.Message);
        Assert.Empty(r.Unwaived(DiagnosticIds.ThresholdExceeded));
    }

    [Fact]
    public void FigureWithinMargin_SmallerMargin_DoesNotTrigger()
    {
        var yaml = Eval.Manifest(Eval.Org.Replace("monthlyActiveUsers: 3500000", "monthlyActiveUsers: 650000000"), Eval.ReviewedModel);
        Assert.Empty(Eval.Run(yaml, new PolicyOptions { Today = Eval.Today, ThresholdMargin = 0.05 }).Unwaived(DiagnosticIds.ThresholdNear));
    }

    [Fact]
    public void RevenueInOtherCurrency_IsConvertedWithDeclaredRate()
    {
        var org = Eval.Org.Replace("annualRevenue: { amount: 500000, currency: USD }", "annualRevenue: { amount: 900000, currency: GBP }\n  exchangeRates: { \"GBP/USD\": 1.27 }");
        var f = Assert.Single(Eval.Run(Eval.Manifest(org, Eval.ReviewedModel)).Unwaived(DiagnosticIds.ThresholdExceeded));
        Assert.Contains("1.14M USD", f.Message);
    }

    [Fact]
    public void RevenueInOtherCurrency_WithoutRate_TriggersCurrencyMismatch()
    {
        var org = Eval.Org.Replace("currency: USD", "currency: GBP");
        Assert.Single(Eval.Run(Eval.Manifest(org, Eval.ReviewedModel)).Unwaived(DiagnosticIds.CurrencyMismatch));
    }

    [Fact]
    public void MissingFigure_ForThresholdLicence_Triggers_Once()
    {
        var org = Eval.Org.Replace("  monthlyActiveUsers: 3500000\n", string.Empty);
        var second = Eval.ReviewedModel.Replace("test/Model-8B", "test/Model-70B");
        var r = Eval.Run(Eval.Manifest(org, Eval.ReviewedModel, second));
        Assert.Single(r.Findings, f => f.Id == DiagnosticIds.ManifestInvalid && f.Message.Contains("monthlyActiveUsers"));
    }

    [Fact]
    public void ExcludedTerritory_Triggers_EvenThroughTheUnion()
    {
        var org = Eval.Org.Replace("territories: [IN, GB]", "territories: [IN, CN]");
        var f = Assert.Single(Eval.Run(Eval.Manifest(org, Eval.ReviewedModel)).Unwaived(DiagnosticIds.TerritoryExcluded));
        Assert.Contains("CN", f.Message);
    }

    [Fact]
    public void ModelSpecificDomicileExclusion_AppliesOnlyToThoseModels()
    {
        var org = Eval.Org.Replace("domicile: GB", "domicile: DE");
        var vision = Eval.ReviewedModel.Replace("test/Model-8B", "test/Vision-11B");
        var r = Eval.Run(Eval.Manifest(org, Eval.ReviewedModel, vision));
        var f = Assert.Single(r.Unwaived(DiagnosticIds.DomicileExcluded));
        Assert.Equal("test/Vision-11B", f.ModelId);
        Assert.Contains("DE", f.Message);
    }

    [Fact]
    public void DomicileOutsideExclusion_DoesNotTrigger()
    {
        var vision = Eval.ReviewedModel.Replace("test/Model-8B", "test/Vision-11B");
        Assert.Empty(Eval.Run(Eval.Manifest(Eval.Org, vision)).Unwaived(DiagnosticIds.DomicileExcluded));
    }

    [Fact]
    public void AttributionNotDeclared_Triggers()
    {
        var model = Eval.ReviewedModel.Replace("attribution: { shown: \"About page\", notice: \"MODEL-NOTICES.txt\" }", "receives: []");
        var r = Eval.Run(Eval.Manifest(Eval.Org, model));
        var f = Assert.Single(r.Unwaived(DiagnosticIds.AttributionNotMet));
        Assert.Contains("Built with Test", f.Message);
        Assert.Single(r.Unwaived(DiagnosticIds.NoticeNotMet));
    }

    [Fact]
    public void ConditionalAttribution_BelowThreshold_DoesNotTrigger_AboveTriggers()
    {
        var k2 = "  - id: test/K2-Instruct\n    licence: LicenseRef-Test-Modified-MIT\n    review: { by: a, on: 2026-11-01, textSha256: \"" + new string('b', 64) + "\" }\n    hosting: { mode: self-hosted }";
        Assert.Empty(Eval.Run(Eval.Manifest(Eval.Org, k2)).Unwaived(DiagnosticIds.AttributionNotMet));
        var big = Eval.Org.Replace("monthlyActiveUsers: 3500000", "monthlyActiveUsers: 150000000");
        var r = Eval.Run(Eval.Manifest(big, k2));
        Assert.Single(r.Unwaived(DiagnosticIds.AttributionNotMet));
        Assert.Empty(r.Unwaived(DiagnosticIds.ThresholdExceeded));
    }

    [Fact]
    public void SensitiveDataToModelOutsidePerimeter_Triggers_AtTheDataClass()
    {
        var model = Eval.ReviewedModel.Replace("hosting: { mode: self-hosted, region: in-south }", "hosting: { mode: api, region: us }\n    receives: [public, health]");
        var f = Assert.Single(Eval.Run(Eval.Manifest(Eval.Org, model)).Unwaived(DiagnosticIds.DataPerimeterViolation));
        Assert.Contains("'health'", f.Message);
        Assert.Equal(16, f.Location.Line);
    }

    [Fact]
    public void SensitiveDataToManagedInsideRegion_DoesNotTrigger()
    {
        var model = Eval.ReviewedModel.Replace("hosting: { mode: self-hosted, region: in-south }", "hosting: { mode: managed, region: uk-south }\n    receives: [health]");
        Assert.Empty(Eval.Run(Eval.Manifest(Eval.Org, model)).Unwaived(DiagnosticIds.DataPerimeterViolation));
    }

    [Fact]
    public void LiveWaiver_MarksFindingWaived_KeepsIt()
    {
        var yaml = Eval.Manifest(Eval.Org.Replace("monthlyActiveUsers: 3500000", "monthlyActiveUsers: 812000000"), Eval.ReviewedModel)
            + "waivers:\n  - { rule: LG1008, model: test/Model-8B, reason: \"separate Meta agreement 2026-03\", approver: c.officer, expires: 2027-03-31 }\n";
        var r = Eval.Run(yaml);
        var f = Assert.Single(r.Findings, x => x.Id == DiagnosticIds.ThresholdExceeded);
        Assert.True(f.IsWaived);
        Assert.Equal("c.officer", f.WaivedBy!.Approver);
        Assert.False(r.HasErrors);
    }

    [Fact]
    public void ExpiredWaiver_Triggers_AndDoesNotWaive()
    {
        var yaml = Eval.Manifest(Eval.Org.Replace("monthlyActiveUsers: 3500000", "monthlyActiveUsers: 812000000"), Eval.ReviewedModel)
            + "waivers:\n  - { rule: LG1008, model: test/Model-8B, reason: r, approver: c.officer, expires: 2026-01-31 }\n";
        var r = Eval.Run(yaml);
        Assert.Single(r.Unwaived(DiagnosticIds.WaiverExpired));
        Assert.Single(r.Unwaived(DiagnosticIds.ThresholdExceeded));
    }

    [Fact]
    public void WaiverCoveringNothing_Triggers()
    {
        var yaml = Eval.Manifest(Eval.Org, Eval.ReviewedModel) + "waivers:\n  - { rule: LG1008, reason: r, approver: c, expires: 2027-01-31 }\n";
        Assert.Single(Eval.Run(yaml).Unwaived(DiagnosticIds.WaiverUnused));
    }

    [Fact]
    public void DeclaredLicenceDiffersFromCatalogue_Triggers()
    {
        var model = Eval.ReviewedModel.Replace("licence: LicenseRef-Test-Community", "licence: LicenseRef-Test-Modified-MIT").Replace(new string('a', 64), new string('b', 64));
        var f = Assert.Single(Eval.Run(Eval.Manifest(Eval.Org, model)).Unwaived(DiagnosticIds.LicenceDiffersFromCatalogue));
        Assert.Contains("LicenseRef-Test-Community", f.Message);
    }

    [Fact]
    public void Findings_AreDeterministic_AcrossRuns()
    {
        var yaml = Eval.Manifest(Eval.Org.Replace("monthlyActiveUsers: 3500000", "monthlyActiveUsers: 812000000"), Eval.ReviewedModel, "  - id: x/unknown\n");
        var a = Eval.Run(yaml).Findings.Select(f => f.ToString()).ToList();
        var b = Eval.Run(yaml).Findings.Select(f => f.ToString()).ToList();
        Assert.Equal(a, b);
    }
}
