using System.Globalization;
using System.Text;
using LicenceGuard.Core.Document;

namespace LicenceGuard.Core.Reports;

/// <summary>Escaping and the few HTML fragments every section uses.</summary>
internal static class Html
{
    public static string E(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var sb = new StringBuilder(text!.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>A pass / warn / fail pill; the class carries the verdict for styling and for tests.</summary>
    public static string VerdictPill(Verdict verdict)
    {
        var v = Spelling.Of(verdict);
        var label = verdict switch { Verdict.Pass => "✓ pass", Verdict.Warn => "! warn", _ => "✗ fail" };
        return $"<span class=\"pill verdict verdict-{v}\">{E(label)}</span>";
    }

    public static string Pill(string cls, string text) => $"<span class=\"pill {cls}\">{E(text)}</span>";

    public static string Code(string? text) => string.IsNullOrEmpty(text) ? "<span class=\"muted\">—</span>" : $"<code>{E(text)}</code>";

    public static string OrDash(string? text) => string.IsNullOrEmpty(text) ? "<span class=\"muted\">—</span>" : E(text);

    public static string Link(string? url, string? text = null) =>
        string.IsNullOrEmpty(url) ? OrDash(text) :
        url!.StartsWith("http", System.StringComparison.OrdinalIgnoreCase) ? $"<a href=\"{E(url)}\">{E(text ?? url)}</a>" : E(text ?? url);

    public static string Abbrev(string? sha) => string.IsNullOrEmpty(sha) ? "—" : sha!.Length > 12 ? sha.Substring(0, 12) + "…" : sha;

    public static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public const string Css = """
        :root { --ink:#1b1f24; --muted:#5b6470; --line:#d8dde3; --bg:#f6f7f9; --pass:#1a7f37; --warn:#9a6700; --fail:#cf222e; --accent:#0b5cad; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
        header.report { padding: 24px 32px 16px; background: var(--bg); border-bottom: 1px solid var(--line); }
        header.report h1 { margin: 0 0 4px; font-size: 24px; }
        header.report .meta { color: var(--muted); }
        nav.toc { padding: 8px 32px; border-bottom: 1px solid var(--line); position: sticky; top: 0; background: #fff; z-index: 1; }
        nav.toc a { margin-right: 14px; color: var(--accent); text-decoration: none; }
        main { padding: 8px 32px 32px; max-width: 1280px; }
        section { margin-top: 24px; }
        h2 { font-size: 18px; margin: 0 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
        h3 { font-size: 15px; margin: 16px 0 6px; }
        p.lead { color: var(--muted); margin: 0 0 10px; }
        table { border-collapse: collapse; width: 100%; margin: 6px 0 4px; }
        th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
        th { background: var(--bg); font-weight: 600; white-space: nowrap; }
        code { font: 12px/1.3 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--bg); padding: 1px 4px; border-radius: 3px; overflow-wrap: anywhere; }
        .muted { color: var(--muted); }
        .pill { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; border: 1px solid currentColor; }
        .verdict-pass, .ok, .met { color: var(--pass); }
        .verdict-warn, .near, .soon { color: var(--warn); }
        .verdict-fail, .exceeded, .open, .expired, .error { color: var(--fail); }
        .unknown, .info { color: var(--muted); }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
        .card { flex: 1 1 150px; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; background: #fff; }
        .card .n { font-size: 26px; font-weight: 700; }
        .card .l { color: var(--muted); }
        .headroom { margin: 10px 0 14px; }
        .headroom .label { display: flex; justify-content: space-between; gap: 12px; flex-wrap: wrap; }
        .headroom svg { width: 100%; height: 22px; display: block; margin-top: 3px; }
        .perimeter-map svg { width: 100%; height: auto; display: block; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
        .banner { padding: 10px 14px; border-radius: 8px; border: 1px solid var(--line); background: var(--bg); margin: 10px 0; }
        .banner.changed { border-color: var(--warn); }
        .model { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; margin: 12px 0; break-inside: avoid; }
        .model h3 { margin-top: 0; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 6px 0; }
        dl.facts dt { color: var(--muted); }
        dl.facts dd { margin: 0; }
        footer { color: var(--muted); padding: 16px 32px; border-top: 1px solid var(--line); }
        @media print {
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          body { font-size: 10pt; }
          nav.toc { display: none; }
          main, header.report, footer { padding-left: 0; padding-right: 0; }
          section { break-inside: auto; }
          h2, h3 { break-after: avoid; }
          tr, .headroom, .card, .model { break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
        }
        """;
}
