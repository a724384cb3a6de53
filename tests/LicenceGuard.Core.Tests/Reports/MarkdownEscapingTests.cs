using System.Text.Json;
using LicenceGuard.Core.Reports;

namespace LicenceGuard.Core.Tests.Reports;

/// <summary>Pull-request bots render the Markdown summary: data in it must never become HTML, links or images.</summary>
public class MarkdownEscapingTests
{
    private const string Hostile = "<img src=x onerror=alert(1)>";

    private static string Summary()
    {
        var manifest = new
        {
            summary = new { verdict = "fail", pass = "0", warn = "0", fail = "1", errors = "1", warnings = "0", waived = "0" },
            catalogue = new
            {
                factOverrides = new[]
                {
                    new { licence = "CC-BY-NC-4.0", key = "commercialUse", embedded = "forbidden", organisation = Hostile, relaxes = true, approver = "[x](javascript:alert(1))", by = "**b**", reason = Hostile },
                },
            },
            models = new[]
            {
                new
                {
                    id = "evil`|" + Hostile, verdict = "fail", declaredLicence = Hostile,
                    review = new { by = Hostile, on = "2026-11-02" },
                    hosting = new { mode = Hostile },
                    duties = new[] { new { kind = "attribution", met = false, text = Hostile, where = "![t](http://x/t.png)" } },
                },
            },
            findings = new[] { new { id = "LG1003", effectiveSeverity = "error", message = "model " + Hostile + " has no licence\n# heading", location = new { file = Hostile, line = 3 } } },
        };
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(manifest));
        return MarkdownSummary.Generate(doc.RootElement);
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
        using var doc = JsonDocument.Parse("{\"models\":[{\"id\":\"a``b|c\",\"verdict\":\"pass\"}]}");
        Assert.Contains("| ```a``b\\|c``` |", MarkdownSummary.Generate(doc.RootElement));
    }
}
