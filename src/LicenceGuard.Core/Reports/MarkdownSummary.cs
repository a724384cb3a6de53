using System;
using System.Collections.Generic;
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
            sb.Append("| `").Append(Cell(m.Str("id"))).Append("` | ").Append(Icon(m.Str("verdict"))).Append(' ').Append(m.Str("verdict")).Append(" | ")
              .Append(Cell(m.Obj("licence").Str("id") ?? m.Str("declaredLicence") ?? "none")).Append(" | ")
              .Append(review.ValueKind == JsonValueKind.Object ? Cell(review.Str("by") + " " + review.Str("on")) : "not reviewed").Append(" | ")
              .Append(Cell(ManifestDiff.Hosting(m))).Append(" | ")
              .Append(tightest.ValueKind == JsonValueKind.Object
                  ? Cell($"{HtmlReport.MetricName(tightest.Str("metric"))}: {Json.Percent(tightest.Num("headroomPercent")!.Value)} headroom ({tightest.Str("status")})")
                  : "—").Append(" |\n");
        }

        var open = models.SelectMany(m => m.Arr("duties").Where(d => d.Bool("met") == false).Select(d => (m, d))).ToList();
        if (open.Count > 0)
        {
            sb.Append("\n**Open duties**\n\n");
            foreach (var (m, d) in open)
                sb.Append("- `").Append(m.Str("id")).Append("`: ").Append(d.Str("kind")).Append(" \"").Append(d.Str("text")).Append('"').Append(d.Str("where") is string w ? " — " + w : string.Empty).Append('\n');
        }

        var problems = manifest.Arr("findings").Where(f => f.Bool("waived") != true && (f.Str("effectiveSeverity") == "error" || f.Str("effectiveSeverity") == "warning")).ToList();
        if (problems.Count > 0)
        {
            sb.Append("\n**Findings**\n\n");
            foreach (var f in problems.Take(20))
            {
                var loc = f.Obj("location");
                sb.Append("- ").Append(f.Str("effectiveSeverity") == "error" ? "❌" : "⚠️").Append(" **").Append(f.Str("id")).Append("** ").Append(f.Str("message"))
                  .Append(loc.Num("line") is double line && line > 0 ? $" (`{loc.Str("file")}:{line}`)" : string.Empty).Append('\n');
            }
            if (problems.Count > 20) sb.Append("- … and ").Append(problems.Count - 20).Append(" more in the compliance report\n");
        }

        sb.Append("\n**Since the approved manifest**\n\n");
        if (approved is JsonElement lockRoot && lockRoot.ValueKind == JsonValueKind.Object)
        {
            var (by, on) = ApprovalLock.ApprovalOf(lockRoot);
            var changes = ManifestDiff.Compare(manifest, lockRoot);
            sb.Append("Approved by ").Append(by ?? "unknown").Append(" on ").Append(on ?? "an unknown date").Append(": ");
            if (changes.Count == 0) sb.Append("no changes.\n");
            else
            {
                sb.Append(changes.Count).Append(" change(s) need a new approval (`licenceguard approve --by NAME`).\n\n");
                foreach (var c in changes) sb.Append("- ").Append(c.Kind).Append(": ").Append(c.Message).Append('\n');
            }
        }
        else sb.Append("No `models.lock.json`: nothing approved yet.\n");
        return sb.ToString();
    }

    private static string Icon(string? verdict) => verdict switch { "pass" => "✅", "warn" => "⚠️", "fail" => "❌", _ => "❔" };

    /// <summary>Table cells cannot hold a pipe or a line break.</summary>
    private static string Cell(string? text) => (text ?? string.Empty).Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ").Trim();
}
