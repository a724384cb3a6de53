using LicenceGuard.Core.Document;
using LicenceGuard.Core.Reports;

namespace LicenceGuard.Core.Tests.Reports;

public class MarkdownAndNoticesTests
{
    [Fact]
    public void MarkdownSummary_ListsVerdictsHeadroomOpenDutiesAndFindings()
    {
        var md = MarkdownSummary.Generate(ReportSamples.Document());
        Assert.StartsWith("## ❌ LicenceGuard: fail", md);
        Assert.Contains("| `test/Model-8B` | ⚠️ warn | LicenseRef-Test-Community | a.sharma 2026-11-02 | self-hosted:in-south | Monthly active users: 8.6% headroom (near) |", md);
        Assert.Contains("- `test/K2-Instruct`: attribution \"Test K2\" — prominently on the user interface", md);
        Assert.Contains("**LG1012**", md);
        Assert.DoesNotContain("**LG1013**", md); // waived
        Assert.Contains("No `models.lock.json`", md);
    }

    [Fact]
    public void MarkdownSummary_PipeInText_DoesNotBreakTheTable()
    {
        var manifest = new ComplianceDocument { Models = { new ModelRecord { Id = "a|b", Verdict = Verdict.Pass, Hosting = new HostingRecord { Mode = "x|y" } } } };
        Assert.Contains("`a\\|b`", MarkdownSummary.Generate(manifest));
    }

    [Fact]
    public void NoticesKit_CarriesNoticeAttributionAndLicenceTextOrLink()
    {
        var texts = NoticesKit.Generate(ReportSamples.Document(), id => id == "LicenseRef-Test-Community" ? "TEST COMMUNITY LICENCE\nFull text." : null);
        Assert.Contains("Test is licensed under the Test Community Licence.", texts);
        Assert.Contains("\"Built with Test\"\n  For: test/Model-8B\n  Where: on the about page\n  Status: met by About page", texts);
        Assert.Contains("\"Test K2\"\n  For: test/K2-Instruct\n  Where: prominently on the user interface\n  Status: OPEN", texts);
        Assert.Contains("TEST COMMUNITY LICENCE\nFull text.", texts);
        Assert.Contains("The full text is not bundled with LicenceGuard; it is published at:\n  https://example.test/MIT", texts);
    }

    [Fact]
    public void EmbeddedLicenceTexts_RealCatalogue_AreFound()
    {
        var llama = LicenceTexts.Find("LicenseRef-Llama-3.1-Community");
        Assert.NotNull(llama);
        Assert.Contains("Llama 3.1", llama);
        Assert.Null(LicenceTexts.Find("../catalogue"));
        Assert.Null(LicenceTexts.Find("LicenseRef-Does-Not-Exist"));
    }

    [Theory]
    [InlineData("html", ReportFormat.Html)]
    [InlineData("md", ReportFormat.Markdown)]
    [InlineData("cyclonedx", ReportFormat.CycloneDx)]
    [InlineData("notices", ReportFormat.Notices)]
    [InlineData("json", ReportFormat.Json)]
    public void ReportFormat_Parses(string text, ReportFormat expected)
    {
        Assert.True(ReportGenerator.TryParse(text, out var format));
        Assert.Equal(expected, format);
    }
}
