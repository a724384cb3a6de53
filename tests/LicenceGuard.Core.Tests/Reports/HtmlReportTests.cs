using System.Text.RegularExpressions;
using LicenceGuard.Core.Approval;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Reports;

namespace LicenceGuard.Core.Tests.Reports;

public class HtmlReportTests
{
    internal static string Report(bool withLock = true)
    {
        var doc = ReportSamples.Document();
        if (!withLock) return HtmlReport.Generate(doc);
        // The approved manifest predates the K2 model and the waiver.
        var approved = ComplianceJson.Parse(ApprovalLock.Create(ApprovedWithoutK2(doc), "c.officer", new DateTime(2026, 10, 15)));
        return HtmlReport.Generate(doc, approved);
    }

    private static ComplianceDocument ApprovedWithoutK2(ComplianceDocument doc) =>
        doc with { Models = doc.Models.Where(m => m.Id != "test/K2-Instruct").ToList(), Waivers = new List<WaiverRecord>() };

    [Fact]
    public void Report_IsSelfContained_NoExternalAssets()
    {
        var html = Report();
        Assert.DoesNotMatch(new Regex("<(link|img|iframe|object|embed)\\b", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex("<script[^>]+src=", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex("url\\(|@import", RegexOptions.IgnoreCase), html);
        Assert.Contains("@media print", html);
    }

    [Fact]
    public void Report_AnswersTheOfficersQuestions()
    {
        var html = Report();
        // Which models, may we: a verdict per model.
        Assert.Contains("data-model=\"test/Model-8B\"><td>", html);
        Assert.Matches("data-model=\"test/K2-Instruct\".*?verdict-fail", html);
        // Who checked.
        Assert.Contains("a.sharma", html);
        // How close to each limit: 640M of the 700M MAU threshold, 8.6% headroom.
        Assert.Contains("640M of 700M · 8.6% headroom · near", html);
        Assert.Contains("500k USD of 1M USD · 50% headroom · ok", html);
        // Where data goes.
        Assert.Contains("health (must stay inside)", html);
        Assert.Contains("api:us-east — outside", html);
        // Waivers with expiry, duties.
        Assert.Contains("2027-03-31", html);
        Assert.Contains("Built with Test", html);
        // What changed since approval.
        Assert.Contains("Approved by <strong>c.officer</strong> on <strong>2026-10-15</strong>", html);
        Assert.Contains("model-added", html);
        Assert.Contains("waiver-added", html);
    }

    [Fact]
    public void ChangesSinceApproval_ShowInTheTopVerdict()
    {
        var header = Regex.Match(Report(), "<header.*?</header>", RegexOptions.Singleline).Value;
        Assert.Contains("data-check=\"pending\"", header);
        Assert.Contains("pending approval: 2 change(s)", header);

        var doc = ReportSamples.Document();
        var same = ComplianceJson.Parse(ApprovalLock.Create(doc, "c.officer", new DateTime(2026, 10, 15)));
        Assert.DoesNotContain("pending approval", HtmlReport.Generate(doc, same));
        Assert.DoesNotContain("pending approval", Report(withLock: false));
    }

    [Fact]
    public void WithoutADeclaredPerimeter_NothingIsDrawnInsideOrOutside()
    {
        var manifest = new ComplianceDocument
        {
            Organisation = new OrganisationRecord { Name = "Acme" },
            Models =
            {
                new ModelRecord
                {
                    Id = "llama3.2", Verdict = Verdict.Pass, Hosting = new HostingRecord { Mode = "self-hosted" }, Receives = { "personal" },
                    Perimeter = new PerimeterRecord { Verdict = PerimeterStatus.InsideOrNotSensitive, Reason = "no perimeter" },
                },
            },
        };
        var html = HtmlReport.Generate(manifest);
        Assert.Contains("data-check=\"perimeter-undeclared\"", html);
        Assert.DoesNotContain("data-check=\"perimeter-map\"", html);
        Assert.DoesNotContain("— outside", html);
        Assert.Contains("<code>llama3.2</code>", html);
    }

    [Fact]
    public void ReportWithoutLock_SaysNothingWasApproved()
    {
        Assert.Contains("No approved manifest", Report(withLock: false));
    }

    [Fact]
    public void HostileText_IsEscaped()
    {
        var manifest = new ComplianceDocument
        {
            Organisation = new OrganisationRecord { Name = "<script>alert(1)</script>" },
            Models = { new ModelRecord { Id = "a\"><img src=x>", Verdict = Verdict.Pass } },
        };
        var html = HtmlReport.Generate(manifest);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x>", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void EmptyManifest_StillRenders()
    {
        var html = HtmlReport.Generate(new ComplianceDocument());
        Assert.Contains("models.yaml declares no models", html);
        Assert.EndsWith("</html>\n", html);
    }
}
