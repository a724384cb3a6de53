using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using LicenceGuard.Core.Approval;

namespace LicenceGuard.Core.Reports;

/// <summary>The compliance manifest as a short pull-request comment: verdicts, headroom, open duties, changes since approval.</summary>
public static class MarkdownSummary
{
    public static string Generate(JsonElement manifest, JsonElement? approved = null)
    {
        var sb = new StringBuilder();
        var summary = manifest.Obj("summary");
        var models = manifest.Arr("models").ToList();
        var verdict = summary.Str("verdict") ?? "unknown";
        sb.Append("## ").Append(Icon(verdict)).Append(" LicenceGuard: ").Append(verdict).Append('\n').Append('\n');
        sb.Append(models.Count).Append(" model(s): ").Append(summary.Str("pass") ?? "0").Append(" pass, ").Append(summary.Str("warn") ?? "0").Append(" warn, ")
          .Append(summary.Str("fail") ?? "0").Append(" fail; ").Append(summary.Str("errors") ?? "0").Append(" error(s), ").Append(summary.Str("warnings") ?? "0")
          .Append(" warning(s), ").Append(summary.Str("waived") ?? "0").Append(" waived.\n\n");

        sb.Append("| Model | Verdict | Licence | Reviewed | Hosted | Tightest threshold |\n|---|---|---|---|---|---|\n");
        foreach (var m in models)
        {
            var review = m.Obj("review");
            var tightest = m.Arr("thresholds").Where(t => t.Num("headroomPercent") != null).OrderBy(t => t.Num("headroomPercent")).FirstOrDefault();
            sb.Append("| ").Append(Code(m.Str("id"))).Append(" | ").Append(Icon(m.Str("verdict"))).Append(' ').Append(Text(m.Str("verdict"))).Append(" | ")
              .Append(Text(m.Obj("licence").Str("id") ?? m.Str("declaredLicence") ?? "none")).Append(" | ")
              .Append(review.ValueKind == JsonValueKind.Object ? Text(review.Str("by") + " " + review.Str("on")) : "not reviewed").Append(" | ")
              .Append(Text(ManifestDiff.Hosting(m))).Append(" | ")
              .Append(tightest.ValueKind == JsonValueKind.Object
                  ? Text($"{HtmlReport.MetricName(tightest.Str("metric"))}: {Numbers.Percent(tightest.Num("headroomPercent")!.Value)} headroom ({tightest.Str("status")})")
                  : "—").Append(" |\n");
        }

        var open = models.SelectMany(m => m.Arr("duties").Where(d => d.Bool("met") == false).Select(d => (m, d))).ToList();
        if (open.Count > 0)
        {
            sb.Append("\n**Open duties**\n\n");
            foreach (var (m, d) in open)
                sb.Append("- ").Append(Code(m.Str("id"))).Append(": ").Append(Text(d.Str("kind"))).Append(" \"").Append(Text(d.Str("text"))).Append('"').Append(d.Str("where") is string w ? " — " + Text(w) : string.Empty).Append('\n');
        }

        var problems = manifest.Arr("findings").Where(f => f.Bool("waived") != true && (f.Str("effectiveSeverity") == "error" || f.Str("effectiveSeverity") == "warning")).ToList();
        if (problems.Count > 0)
        {
            sb.Append("\n**Findings**\n\n");
            foreach (var f in problems.Take(20))
            {
                var loc = f.Obj("location");
                sb.Append("- ").Append(f.Str("effectiveSeverity") == "error" ? "❌" : "⚠️").Append(" **").Append(Text(f.Str("id"))).Append("** ").Append(Text(f.Str("message")))
                  .Append(loc.Num("line") is double line && line > 0 ? " (" + Code(loc.Str("file") + ":" + line.ToString(CultureInfo.InvariantCulture)) + ")" : string.Empty).Append('\n');
            }
            if (problems.Count > 20) sb.Append("- … and ").Append(problems.Count - 20).Append(" more in the compliance report\n");
        }

        var overrides = manifest.Obj("catalogue").Arr("factOverrides").ToList();
        if (overrides.Count > 0)
        {
            sb.Append("\n**Organisation catalogue overrides**\n\n");
            foreach (var o in overrides)
                sb.Append("- ").Append(o.Bool("relaxes") == true ? (o.Str("approver") is string a ? "⚠️ relaxes, approved by " + Text(a) : "❌ relaxes, not approved") : "tightens or keeps")
                  .Append(": ").Append(Text(o.Str("key"))).Append(" of ").Append(Text(o.Str("licence"))).Append(": ").Append(Text(o.Str("embedded"))).Append(" → ").Append(Text(o.Str("organisation")))
                  .Append(" — by ").Append(Text(o.Str("by") ?? "no one named")).Append(": ").Append(Text(o.Str("reason") ?? "no reason given")).Append('\n');
        }

        sb.Append("\n**Since the approved manifest**\n\n");
        if (approved is JsonElement lockRoot && lockRoot.ValueKind == JsonValueKind.Object)
        {
            var (by, on) = ApprovalLock.ApprovalOf(lockRoot);
            var changes = ManifestDiff.Compare(manifest, lockRoot);
            sb.Append("Approved by ").Append(Text(by ?? "unknown")).Append(" on ").Append(Text(on ?? "an unknown date")).Append(": ");
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

    private static string Icon(string? verdict) => verdict switch { "pass" => "✅", "warn" => "⚠️", "fail" => "❌", _ => "❔" };

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
