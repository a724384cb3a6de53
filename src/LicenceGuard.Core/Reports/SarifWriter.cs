using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Policy;
using LicenceGuard.Core.Text;

namespace LicenceGuard.Core.Reports;

/// <summary>
/// The gate's findings as a SARIF 2.1.0 log, for code scanning and other SARIF readers: one run, the rules that
/// fired with their titles, default levels and help pages, and one result per finding at its models.yaml region.
/// A waived finding keeps its level and carries an accepted external suppression with the waiver's reason, so a
/// reader shows it as suppressed, not as fixed. The compiler's own log (ErrorLog) holds the analyzer's LG0xxx.
/// </summary>
public static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static string Generate(IReadOnlyList<Finding> findings, string? helpBase = null)
    {
        var rules = findings.Select(f => f.Id).Distinct(StringComparer.Ordinal).OrderBy(id => id, StringComparer.Ordinal).ToList();
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", SchemaUri);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();
            WriteTool(w, rules, helpBase);
            w.WriteStartArray("results");
            foreach (var f in findings) WriteResult(w, f, rules.IndexOf(f.Id));
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>
    /// A log with more findings after its own: the build's gate writes its log before the compiler runs, and the drift
    /// in where code uses a model is known only after it. The result is byte for byte <see cref="Generate"/> of all the
    /// findings at once (rules sorted by ID, each result's ruleIndex renumbered), so the build's log is `check`'s.
    /// </summary>
    public static string Append(string log, IReadOnlyList<Finding> more, string? helpBase = null)
    {
        var root = JsonNode.Parse(log) ?? throw new JsonException("the SARIF log is empty");
        var run = root["runs"]?[0] ?? throw new JsonException("the SARIF log has no run");
        var added = JsonNode.Parse(Generate(more, helpBase))!["runs"]![0]!;
        var rules = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var rule in Nodes(run["tool"]?["driver"]?["rules"]).Concat(Nodes(added["tool"]!["driver"]!["rules"])))
            if (rule["id"]?.GetValue<string>() is { } id && !rules.ContainsKey(id)) rules[id] = rule.DeepClone();
        var index = rules.Keys.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var results = new JsonArray();
        foreach (var result in Nodes(run["results"]).Concat(Nodes(added["results"])))
        {
            var copy = result.DeepClone();
            if (copy["ruleId"]?.GetValue<string>() is { } id && index.TryGetValue(id, out var i)) copy["ruleIndex"] = i;
            results.Add(copy);
        }
        run["tool"]!["driver"]!["rules"] = new JsonArray(rules.Values.ToArray());
        run["results"] = results;
        var text = root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return text.Replace("\r\n", "\n") + "\n";
    }

    private static IEnumerable<JsonNode> Nodes(JsonNode? array) =>
        array is JsonArray items ? items.Where(n => n != null).Select(n => n!) : Enumerable.Empty<JsonNode>();

    private static void WriteTool(Utf8JsonWriter w, List<string> rules, string? helpBase)
    {
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "LicenceGuard");
        w.WriteString("semanticVersion", typeof(SarifWriter).Assembly.GetName().Version!.ToString(3));
        w.WriteStartArray("rules");
        foreach (var id in rules)
        {
            var descriptor = DiagnosticCatalogue.TryGet(id, out var d) ? d : null;
            w.WriteStartObject();
            w.WriteString("id", id);
            if (descriptor != null)
            {
                w.WriteStartObject("shortDescription");
                w.WriteString("text", descriptor.Title);
                w.WriteEndObject();
                w.WriteStartObject("defaultConfiguration");
                w.WriteString("level", Level(descriptor.DefaultSeverity));
                w.WriteEndObject();
                w.WriteStartObject("properties");
                w.WriteString("category", descriptor.Category);
                w.WriteString("helpPage", descriptor.HelpPage);
                w.WriteEndObject();
            }
            if (DiagnosticIds.HelpUri(id, helpBase) is { } uri) w.WriteString("helpUri", uri);
            if (HelpPages.Find(id) is { } page)
            {
                w.WriteStartObject("help");
                w.WriteString("text", page);
                w.WriteString("markdown", page);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, Finding f, int ruleIndex)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", f.Id);
        w.WriteNumber("ruleIndex", ruleIndex);
        w.WriteString("level", Level(f.Severity));
        w.WriteStartObject("message");
        w.WriteString("text", f.Message);
        w.WriteEndObject();
        if (!string.IsNullOrEmpty(f.Location.File))
        {
            w.WriteStartArray("locations");
            w.WriteStartObject();
            w.WriteStartObject("physicalLocation");
            w.WriteStartObject("artifactLocation");
            w.WriteString("uri", FileUri(f.Location.File));
            w.WriteEndObject();
            if (!f.Location.IsNone)
            {
                w.WriteStartObject("region");
                w.WriteNumber("startLine", f.Location.Line);
                w.WriteNumber("startColumn", Math.Max(1, f.Location.Column));
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }
        if (f.WaivedBy is { } waiver)
        {
            w.WriteStartArray("suppressions");
            w.WriteStartObject();
            w.WriteString("kind", "external");
            w.WriteString("status", "accepted");
            w.WriteString("justification", $"{waiver.Reason} (approved by {waiver.Approver}, expires {Dates.Day(waiver.Expires)})");
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteStartObject("properties");
        if (f.ModelId != null) w.WriteString("model", f.ModelId);
        foreach (var fact in f.Facts.GroupBy(x => x.Key, StringComparer.Ordinal)) w.WriteString("fact." + fact.Key, fact.Last().Value);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>An absolute file URI (what the compiler's ErrorLog writes too); a relative path stays relative.</summary>
    private static string FileUri(string path)
    {
        if (!Path.IsPathRooted(path)) return path.Replace('\\', '/');
        try { return new Uri(Path.GetFullPath(path)).AbsoluteUri; }
        catch (Exception ex) when (ex is ArgumentException || ex is UriFormatException || ex is NotSupportedException) { return path.Replace('\\', '/'); }
    }
}
