using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Document;
using static LicenceGuard.Core.Reports.Html;

namespace LicenceGuard.Core.Reports;

/// <summary>
/// Where data goes, drawn: data class → model → where the model runs. A red line is a data class that must stay
/// inside reaching a place outside the perimeter. The same facts follow as a table, for print and screen readers.
/// </summary>
internal static class PerimeterMap
{
    private const int Row = 40;
    private const int BoxWidth = 290;
    private const int BoxHeight = 28;
    private static readonly int[] Columns = { 10, 355, 700 };

    public static void Write(StringBuilder sb, OrganisationRecord? org, List<ModelRecord> models)
    {
        var mustStay = new HashSet<string>(org?.Perimeter.MustStayInside ?? new List<string>(), StringComparer.OrdinalIgnoreCase);
        var insideRules = org?.Perimeter.Inside ?? new List<string>();
        var classes = models.SelectMany(m => m.Receives).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(c => mustStay.Contains(c) ? 0 : 1).ThenBy(c => c, StringComparer.Ordinal).ToList();
        var hosts = models.Select(m => m.HostingText).Distinct(StringComparer.Ordinal).OrderBy(h => h, StringComparer.Ordinal).ToList();

        sb.Append("<section id=\"perimeter\">\n<h2>Data perimeter</h2>\n<p class=\"lead\">Which data reaches which model, and where that model runs. Must stay inside: ")
          .Append(mustStay.Count == 0 ? "<span class=\"muted\">nothing declared</span>" : E(string.Join(", ", mustStay.OrderBy(x => x, StringComparer.Ordinal))))
          .Append(". Inside the perimeter: ").Append(insideRules.Count == 0 ? "<span class=\"muted\">nothing declared</span>" : E(string.Join(", ", insideRules))).Append(".</p>\n");

        // Without a declared perimeter there is no inside or outside to draw: saying "outside" would be a guess.
        if (mustStay.Count == 0 && insideRules.Count == 0)
        {
            sb.Append("<div class=\"banner\" data-check=\"perimeter-undeclared\">No perimeter is declared (<code>organisation.perimeter</code>: <code>mustStayInside</code> and <code>inside</code>), ")
              .Append("so LicenceGuard does not judge where data may go. The table lists what each model receives and where it runs.</div>\n");
            Table(sb, models, judged: false);
            sb.Append("</section>\n");
            return;
        }

        var rows = Math.Max(Math.Max(classes.Count, models.Count), Math.Max(hosts.Count, 1));
        var height = 46 + rows * Row;
        sb.Append("<div class=\"perimeter-map\" data-check=\"perimeter-map\"><svg viewBox=\"0 0 1000 ").Append(height).Append("\" role=\"img\" aria-label=\"Data perimeter map\" font-family=\"system-ui, sans-serif\" font-size=\"13\">\n");
        sb.Append("<g fill=\"#5b6470\" font-weight=\"600\"><text x=\"").Append(Columns[0]).Append("\" y=\"20\">Data class</text><text x=\"").Append(Columns[1]).Append("\" y=\"20\">Model</text><text x=\"").Append(Columns[2]).Append("\" y=\"20\">Hosted</text></g>\n");

        int Y(int index) => 52 + index * Row;
        // Edges first, so the boxes sit on top of them.
        for (var mi = 0; mi < models.Count; mi++)
        {
            var m = models[mi];
            var outside = new HashSet<string>(m.Perimeter.DataClassesOutside, StringComparer.OrdinalIgnoreCase);
            foreach (var c in m.Receives)
            {
                var ci = classes.FindIndex(x => string.Equals(x, c, StringComparison.OrdinalIgnoreCase));
                if (ci < 0) continue;
                Edge(sb, Columns[0] + BoxWidth, Y(ci), Columns[1], Y(mi), outside.Contains(c) ? "#cf222e" : "#8c959f", outside.Contains(c) ? 3 : 1.5);
            }
            var hi = hosts.IndexOf(m.HostingText);
            Edge(sb, Columns[1] + BoxWidth, Y(mi), Columns[2], Y(hi), m.Perimeter.Verdict == PerimeterStatus.Violation ? "#cf222e" : "#8c959f", 1.5);
        }
        for (var i = 0; i < classes.Count; i++)
            Box(sb, Columns[0], Y(i), classes[i] + (mustStay.Contains(classes[i]) ? " (must stay inside)" : string.Empty), mustStay.Contains(classes[i]) ? "#fff8c5" : "#f6f8fa", "#d0d7de");
        for (var i = 0; i < models.Count; i++)
            Box(sb, Columns[1], Y(i), models[i].Id, "#ffffff", models[i].Verdict switch { Verdict.Fail => "#cf222e", Verdict.Warn => "#bf8700", _ => "#1a7f37" });
        for (var i = 0; i < hosts.Count; i++)
        {
            var inside = IsInside(hosts[i], insideRules);
            Box(sb, Columns[2], Y(i), hosts[i] + (inside ? " — inside" : " — outside"), inside ? "#dafbe1" : "#f6f8fa", inside ? "#1a7f37" : "#8c959f");
        }
        if (classes.Count == 0) sb.Append("<text x=\"").Append(Columns[0]).Append("\" y=\"").Append(Y(0) + 4).Append("\" fill=\"#5b6470\">no data classes declared</text>\n");
        sb.Append("</svg></div>\n");

        Table(sb, models, judged: true);
        sb.Append("</section>\n");
    }

    private static void Table(StringBuilder sb, List<ModelRecord> models, bool judged)
    {
        sb.Append("<table data-check=\"perimeter\"><thead><tr><th>Data class</th><th>Model</th><th>Hosted</th>").Append(judged ? "<th>Verdict</th>" : string.Empty).Append("</tr></thead><tbody>\n");
        foreach (var m in models)
        {
            sb.Append("<tr><td>").Append(m.Receives.Count == 0 ? "<span class=\"muted\">none declared</span>" : E(string.Join(", ", m.Receives))).Append("</td><td><code>").Append(E(m.Id))
              .Append("</code></td><td>").Append(E(m.HostingText)).Append("</td>");
            if (judged)
                sb.Append("<td>").Append(m.Perimeter.Verdict == PerimeterStatus.Violation ? Pill("open", "violation") : Pill("met", "ok"))
                  .Append(" <span class=\"muted\">").Append(E(m.Perimeter.Reason)).Append("</span></td>");
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table>\n");
    }

    /// <summary>The perimeter rule of PerimeterMatcher, on the manifest's "mode:region" text.</summary>
    internal static bool IsInside(string hosting, IEnumerable<string> rules)
    {
        var colon = hosting.IndexOf(':');
        var mode = colon < 0 ? hosting : hosting.Substring(0, colon);
        var region = colon < 0 ? null : hosting.Substring(colon + 1);
        if (mode == "unknown") return false;
        foreach (var rule in rules)
        {
            var rc = rule.IndexOf(':');
            var ruleMode = rc < 0 ? rule : rule.Substring(0, rc);
            var ruleRegion = rc < 0 ? null : rule.Substring(rc + 1);
            if (!Glob.IsMatch(ruleMode, mode)) continue;
            if (ruleRegion is null || (region != null && Glob.IsMatch(ruleRegion, region))) return true;
        }
        return false;
    }

    private static void Edge(StringBuilder sb, int x1, int y1, int x2, int y2, string colour, double width)
    {
        var mid = (x1 + x2) / 2;
        sb.Append("<path d=\"M").Append(x1).Append(',').Append(y1).Append(" C").Append(mid).Append(',').Append(y1).Append(' ').Append(mid).Append(',').Append(y2).Append(' ').Append(x2).Append(',').Append(y2)
          .Append("\" fill=\"none\" stroke=\"").Append(colour).Append("\" stroke-width=\"").Append(width.ToString(CultureInfo.InvariantCulture)).Append("\"/>\n");
    }

    private static void Box(StringBuilder sb, int x, int y, string label, string fill, string stroke)
    {
        var text = label.Length > 40 ? label.Substring(0, 39) + "…" : label;
        sb.Append("<g><title>").Append(E(label)).Append("</title><rect x=\"").Append(x).Append("\" y=\"").Append(y - BoxHeight / 2).Append("\" width=\"").Append(BoxWidth).Append("\" height=\"").Append(BoxHeight)
          .Append("\" rx=\"6\" fill=\"").Append(fill).Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"1.5\"/><text x=\"").Append(x + 10).Append("\" y=\"").Append(y + 5).Append("\" fill=\"#1b1f24\">")
          .Append(E(text)).Append("</text></g>\n");
    }
}
