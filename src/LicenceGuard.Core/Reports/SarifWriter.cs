using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Policy;

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
            w.WriteString("justification", $"{waiver.Reason} (approved by {waiver.Approver}, expires {waiver.Expires:yyyy-MM-dd})");
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
