using LicenceGuard.Core.Document;
using LicenceGuard.Core.Reports;

namespace LicenceGuard.Core.Tests.Reports;

/// <summary>Pull-request bots render the Markdown summary: data in it must never become HTML, links or images.</summary>
public class MarkdownEscapingTests
{
    private const string Hostile = "<img src=x onerror=alert(1)>";

    private static string Summary()
    {
        var manifest = new ComplianceDocument
        {
            Summary = new SummaryRecord { Verdict = Verdict.Fail, Fail = 1, Errors = 1 },
            Catalogue = new CatalogueRecord
            {
                FactOverrides =
                {
                    new FactOverrideRecord { Licence = "CC-BY-NC-4.0", Key = "commercialUse", Embedded = "forbidden", Organisation = Hostile, Relaxes = true, Approver = "[x](javascript:alert(1))", By = "**b**", Reason = Hostile },
                },
            },
            Models =
            {
                new ModelRecord
                {
                    Id = "evil`|" + Hostile, Verdict = Verdict.Fail, DeclaredLicence = Hostile,
                    Review = new ReviewRecord { By = Hostile, On = "2026-11-02" },
                    Hosting = new HostingRecord { Mode = Hostile },
                    Duties = { new DutyRecord { Kind = "attribution", Met = false, Text = Hostile, Where = "![t](http://x/t.png)" } },
                },
            },
            Findings = { new FindingRecord { Id = "LG1003", EffectiveSeverity = Severity.Error, Message = "model " + Hostile + " has no licence\n# heading", Location = new FileLocation(Hostile, 3, 0) } },
        };
        return MarkdownSummary.Generate(manifest);
    }

    [Fact]
    public void HtmlInData_IsWrittenAsEntities_NeverRaw()
    {
        var md = Summary();
        Assert.DoesNotContain("<img", md);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", md);
    }

    [Fact]
    public void LinksImagesAndEmphasisInData_AreEscaped_AndLineBreaksCannotStartABlock()
    {
        var md = Summary();
        Assert.DoesNotContain("[x](javascript", md);
        Assert.Contains("\\[x\\](javascript:alert(1))", md);
        Assert.Contains("!\\[t\\](http://x/t.png)", md);
        Assert.Contains("\\*\\*b\\*\\*", md);
        Assert.DoesNotContain("\n# heading", md);
    }

    [Fact]
    public void ModelIdWithBackticksAndPipe_StaysInOneTableCell()
    {
        var md = Summary();
        Assert.Contains("| evil\\`\\|&lt;img src=x onerror=alert(1)&gt; |", md);
        var manifest = new ComplianceDocument { Models = { new ModelRecord { Id = "a``b|c", Verdict = Verdict.Pass } } };
        Assert.Contains("| ```a``b\\|c``` |", MarkdownSummary.Generate(manifest));
    }
}
