using System;
using System.Linq;
using System.Text;
using LicenceGuard.Core.Approval;
using LicenceGuard.Core.Document;

namespace LicenceGuard.Core.Reports;

/// <summary>The compliance manifest as a short pull-request comment: verdicts, headroom, open duties, changes since approval.</summary>
public static class MarkdownSummary
{
    public static string Generate(ComplianceDocument manifest, ComplianceDocument? approved = null)
    {
        var sb = new StringBuilder();
        var summary = manifest.Summary;
        var models = manifest.Models;
        sb.Append("## ").Append(Icon(summary.Verdict)).Append(" LicenceGuard: ").Append(Spelling.Of(summary.Verdict)).Append('\n').Append('\n');
        sb.Append(models.Count).Append(" model(s): ").Append(summary.Pass).Append(" pass, ").Append(summary.Warn).Append(" warn, ")
          .Append(summary.Fail).Append(" fail; ").Append(summary.Errors).Append(" error(s), ").Append(summary.Warnings)
          .Append(" warning(s), ").Append(summary.Waived).Append(" waived.\n\n");

        sb.Append("| Model | Verdict | Licence | Reviewed | Hosted | Tightest threshold |\n|---|---|---|---|---|---|\n");
        foreach (var m in models)
        {
            var tightest = m.Thresholds.Where(t => t.HeadroomPercent != null).OrderBy(t => t.HeadroomPercent).FirstOrDefault();
            sb.Append("| ").Append(Code(m.Id)).Append(" | ").Append(Icon(m.Verdict)).Append(' ').Append(Spelling.Of(m.Verdict)).Append(" | ")
              .Append(Text(manifest.TermsOf(m)?.Id ?? m.DeclaredLicence ?? "none")).Append(" | ")
              .Append(m.Review is { } review ? Text(review.By + " " + review.On) : "not reviewed").Append(" | ")
              .Append(Text(m.HostingText)).Append(" | ")
              .Append(tightest != null
                  ? Text($"{HtmlReport.MetricName(tightest.Metric)}: {Numbers.Percent(tightest.HeadroomPercent!.Value)} headroom ({Spelling.Of(tightest.Status)})")
                  : "—").Append(" |\n");
        }

        var open = models.SelectMany(m => m.Duties.Where(d => !d.Met).Select(d => (m, d))).ToList();
        if (open.Count > 0)
        {
            sb.Append("\n**Open duties**\n\n");
            foreach (var (m, d) in open)
                sb.Append("- ").Append(Code(m.Id)).Append(": ").Append(Text(d.Kind)).Append(" \"").Append(Text(d.Text)).Append('"').Append(d.Where is string w ? " — " + Text(w) : string.Empty).Append('\n');
        }

        var problems = manifest.Findings.Where(f => !f.Waived && f.EffectiveSeverity != Severity.Info).ToList();
        if (problems.Count > 0)
        {
            sb.Append("\n**Findings**\n\n");
            foreach (var f in problems.Take(20))
            {
                sb.Append("- ").Append(f.EffectiveSeverity == Severity.Error ? "❌" : "⚠️").Append(" **").Append(Text(f.Id)).Append("** ").Append(Text(f.Message))
                  .Append(Spelling.Place(f.Location) is string place ? " (" + Code(place) + ")" : string.Empty).Append('\n');
            }
            if (problems.Count > 20) sb.Append("- … and ").Append(problems.Count - 20).Append(" more in the compliance report\n");
        }

        var overrides = manifest.Catalogue.FactOverrides;
        if (overrides.Count > 0)
        {
            sb.Append("\n**Organisation catalogue overrides**\n\n");
            foreach (var o in overrides)
                sb.Append("- ").Append(o.Relaxes ? (o.Approver is string a ? "⚠️ relaxes, approved by " + Text(a) : "❌ relaxes, not approved") : "tightens or keeps")
                  .Append(": ").Append(Text(o.Key)).Append(" of ").Append(Text(o.Licence)).Append(": ").Append(Text(o.Embedded)).Append(" → ").Append(Text(o.Organisation))
                  .Append(" — by ").Append(Text(o.By ?? "no one named")).Append(": ").Append(Text(o.Reason ?? "no reason given")).Append('\n');
        }

        sb.Append("\n**Since the approved manifest**\n\n");
        if (approved != null)
        {
            var changes = ManifestDiff.Compare(manifest, approved);
            sb.Append("Approved by ").Append(Text(approved.Approval?.By ?? "unknown")).Append(" on ").Append(Text(approved.Approval?.On ?? "an unknown date")).Append(": ");
            if (changes.Count == 0) sb.Append("no changes.\n");
            else
            {
                sb.Append(changes.Count).Append(" change(s) need a new approval (`licenceguard approve --by NAME`).\n\n");
                foreach (var c in changes) sb.Append("- ").Append(Text(c.Kind)).Append(": ").Append(Text(c.Message)).Append('\n');
            }
        }
        else sb.Append("No `models.lock.json`: nothing approved yet.\n");
        return sb.ToString();
    }

    private static string Icon(Verdict verdict) => verdict switch { Verdict.Pass => "✅", Verdict.Warn => "⚠️", _ => "❌" };

    /// <summary>
    /// Data as inert Markdown text: pull-request bots render this file, so HTML is written as entities (no tag, no
    /// event handler reaches the page), inline Markdown punctuation is escaped (no link, image or emphasis comes from data),
    /// and line breaks become spaces so that a value cannot end a table row or start a block.
    /// </summary>
    internal static string Text(string? text)
    {
        var sb = new StringBuilder((text ?? string.Empty).Length + 8);
        foreach (var c in (text ?? string.Empty).Trim())
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '\r': case '\n': sb.Append(' '); break;
                default:
                    if (MarkdownPunctuation.IndexOf(c) >= 0) sb.Append('\\');
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>What turns text into markup mid-line: emphasis, code, links and images (which need '['), table cells, strikethrough.</summary>
    private const string MarkdownPunctuation = "\\`*_[]|~";

    /// <summary>
    /// Data as an inline code span, which renders no HTML or Markdown: delimited by one more backtick than the longest
    /// run inside it, with a pipe escaped (GitHub tables split on it even in code) and line breaks as spaces. A value
    /// with '&lt;', '&gt;' or '&amp;' is written as escaped text instead, so that no tag stands in the file even inert.
    /// </summary>
    internal static string Code(string? text)
    {
        if ((text ?? string.Empty).IndexOfAny(new[] { '<', '>', '&' }) >= 0) return Text(text);
        var value = (text ?? string.Empty).Replace("\r", " ").Replace("\n", " ").Replace("|", "\\|").Trim();
        int longest = 0, run = 0;
        foreach (var c in value)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', longest + 1);
        var pad = value.StartsWith("`", StringComparison.Ordinal) || value.EndsWith("`", StringComparison.Ordinal) ? " " : string.Empty;
        return fence + pad + value + pad + fence;
    }
}
