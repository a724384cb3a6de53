using System.Diagnostics;
using System.Text.RegularExpressions;

namespace LicenceGuard.Core.Tests.Reports;

/// <summary>
/// Renders the report in a real browser (Debian's chromium, headless), checks the key elements were laid out with a
/// size, and keeps the screenshot under TestResults/ for a person to look at. CI installs chromium; without it this
/// test fails, because a report nobody has seen render is not tested.
/// </summary>
public class HtmlReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public void HtmlReport_RenderedHeadless_KeyElementsVisible_ScreenshotKept()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does");
        var artefacts = RepoPaths.Get("tests", "LicenceGuard.Core.Tests", "TestResults", "html-report");
        Directory.CreateDirectory(artefacts);
        var page = Path.Combine(artefacts, "compliance-report.html");
        var screenshot = Path.Combine(artefacts, "compliance-report.png");
        File.WriteAllText(page, HtmlReportTests.Report());
        if (File.Exists(screenshot)) File.Delete(screenshot);

        var profile = Path.Combine(Path.GetTempPath(), "lg-chromium-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (shotExit, shotOutput) = RunChromium(profile, "--screenshot=" + screenshot, "--window-size=1280,2000", new Uri(page).AbsoluteUri);
            Assert.True(File.Exists(screenshot), $"chromium wrote no screenshot (exit {shotExit}):\n{shotOutput}");
            Assert.True(new FileInfo(screenshot).Length > 20_000, "the screenshot is (nearly) blank");

            var (domExit, dom) = RunChromium(profile, "--dump-dom", "--window-size=1280,2000", new Uri(page).AbsoluteUri);
            Assert.True(domExit == 0, $"chromium --dump-dom failed ({domExit}):\n{dom}");
            foreach (var section in new[] { "overview", "thresholds", "perimeter", "reviews", "duties", "waivers", "changes", "findings", "models" })
                AssertRendered(dom, $"<section id=\"{section}\"", section);
            foreach (var check in new[] { "overview", "headroom", "perimeter-map", "changes" })
                AssertRendered(dom, $"data-check=\"{check}\"", check);

            // Printed, the report runs over pages (print styles hide the navigation, keep rows and bars whole).
            var pdf = Path.Combine(artefacts, "compliance-report.pdf");
            if (File.Exists(pdf)) File.Delete(pdf);
            var (pdfExit, pdfOutput) = RunChromium(profile, "--print-to-pdf=" + pdf, "--no-pdf-header-footer", new Uri(page).AbsoluteUri);
            Assert.True(File.Exists(pdf), $"chromium printed no PDF (exit {pdfExit}):\n{pdfOutput}");
            var pages = Regex.Matches(File.ReadAllText(pdf, System.Text.Encoding.Latin1), "/Type\\s*/Page[^s]").Count;
            Assert.True(pages >= 2, $"the printed report has {pages} page(s)");
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); }
            catch (IOException) { }
        }
    }

    /// <summary>The report's own script writes each element's laid-out size; zero means present but not visible.</summary>
    private static void AssertRendered(string dom, string marker, string what)
    {
        var at = dom.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{what} is missing from the rendered page");
        var tagEnd = dom.IndexOf('>', at);
        var tag = dom.Substring(at, tagEnd - at);
        var size = Regex.Match(tag, "data-rendered=\"(\\d+)x(\\d+)\"");
        Assert.True(size.Success, $"{what} was not laid out (no data-rendered): {tag}");
        Assert.True(int.Parse(size.Groups[1].Value) > 200 && int.Parse(size.Groups[2].Value) > 10, $"{what} rendered at {size.Groups[1].Value}x{size.Groups[2].Value}: not visible");
    }

    private static (int ExitCode, string Output) RunChromium(string profile, params string[] args)
    {
        var psi = new ProcessStartInfo(Chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile }.Concat(args))
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish within two minutes");
        }
        // --dump-dom prints the page on stdout; chromium's own chatter on stderr only helps when something failed.
        return (p.ExitCode, p.ExitCode == 0 && stdout.Result.Length > 0 ? stdout.Result : stdout.Result + stderr.Result);
    }
}
