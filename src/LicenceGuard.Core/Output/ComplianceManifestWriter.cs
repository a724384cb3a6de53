using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Core.Output;

/// <summary>
/// The generated compliance manifest: deterministic JSON (stable order, paths relative to models.yaml, no timestamps
/// unless asked) so that a diff between two builds shows exactly what changed.
/// </summary>
public static class ComplianceManifestWriter
{
    public const string SchemaUri = "https://github.com/licenceguard/licenceguard/blob/main/rules/schema/compliance-manifest.schema.json";
    public const int FormatVersion = 1;

    public static string ToJson(EvaluationResult result, ComplianceExtras? extras = null, DateTime? generatedAt = null)
    {
        extras ??= new ComplianceExtras();
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var baseDir = result.Manifest is null ? string.Empty : Path.GetDirectoryName(Path.GetFullPath(result.Manifest.Path)) ?? string.Empty;
            var rel = new Func<string, string>(p => Relative(baseDir, p));
            w.WriteStartObject();
            w.WriteString("$schema", SchemaUri);
            w.WriteNumber("formatVersion", FormatVersion);
            w.WriteString("tool", "LicenceGuard " + typeof(ComplianceManifestWriter).Assembly.GetName().Version!.ToString(3));
            if (generatedAt is { } at) w.WriteString("generatedAt", at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            w.WriteString("manifest", result.Manifest is null ? null : Path.GetFileName(result.Manifest.Path));
            w.WriteBoolean(CodeReferences.RecordedKey, extras.CodeLocationsRecorded);
            WriteCatalogue(w, result.Catalogue, rel);
            if (result.Manifest != null) WriteOrganisation(w, result.Manifest.Organisation);
            WriteSummary(w, result);

            w.WriteStartArray("models");
            foreach (var m in result.Models.OrderBy(m => m.Entry.Id.Value, StringComparer.Ordinal))
                ModelJson.Write(w, m, extras, rel);
            w.WriteEndArray();

            w.WriteStartArray("waivers");
            if (result.Manifest != null)
            {
                var covers = result.Findings.Where(f => f.WaivedBy != null).GroupBy(f => f.WaivedBy!).ToDictionary(g => g.Key, g => g.Count());
                foreach (var waiver in result.Manifest.Waivers.OrderBy(x => x.Rule.Value, StringComparer.Ordinal).ThenBy(x => x.Model?.Value, StringComparer.Ordinal).ThenBy(x => x.Location))
                {
                    w.WriteStartObject();
                    w.WriteString("rule", waiver.Rule.Value);
                    w.WriteString("model", waiver.Model?.Value);
                    w.WriteString("reason", waiver.Reason);
                    w.WriteString("approver", waiver.Approver);
                    w.WriteString("expires", waiver.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    w.WriteBoolean("expired", waiver.Expires < result.Options.Today);
                    w.WriteNumber("covers", covers.TryGetValue(waiver, out var n) ? n : 0);
                    WriteLocation(w, "location", waiver.Location, rel);
                    w.WriteEndObject();
                }
            }
            w.WriteEndArray();

            w.WriteStartArray("findings");
            foreach (var f in result.Findings) WriteFinding(w, f, rel);
            w.WriteEndArray();

            if (extras.DependenciesJson != null)
            {
                w.WritePropertyName("dependencies");
                WriteEmbedded(w, extras.DependenciesJson);
            }
            foreach (var section in extras.Sections)
            {
                w.WritePropertyName(section.Key);
                WriteEmbedded(w, section.Value);
            }
            w.WriteEndObject();
        }
        return Lines(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>
    /// Embedded JSON (the dependency audit's report, an attestation, a weights inspection) re-indented like the rest,
    /// so that completing the manifest later (<see cref="CodeReferences.Into"/>) leaves every other byte as it was.
    /// </summary>
    internal static void WriteEmbedded(Utf8JsonWriter w, string json)
    {
        using var document = JsonDocument.Parse(json);
        document.RootElement.WriteTo(w);
    }

    /// <summary>'\n' line ends and a final one on every machine, for whichever writer produced the text.</summary>
    internal static string Lines(string json) => json.Replace("\r\n", "\n") + "\n";

    private static void WriteCatalogue(Utf8JsonWriter w, LicenceCatalogue c, Func<string, string> rel)
    {
        w.WriteStartObject("catalogue");
        w.WriteString("date", c.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("version", c.Version);
        w.WriteStartArray("overrides");
        foreach (var l in c.Licences.Values)
        {
            foreach (var o in l.Overrides)
            {
                w.WriteStartObject();
                w.WriteString("licence", l.Id);
                w.WriteString("file", rel(o.File));
                w.WriteBoolean("added", o.Added);
                w.WriteStartArray("keys");
                foreach (var k in o.Keys.OrderBy(k => k, StringComparer.Ordinal)) w.WriteStringValue(k);
                w.WriteEndArray();
                w.WriteEndObject();
            }
        }
        w.WriteEndArray();
        WriteFactOverrides(w, c, rel);
        w.WriteEndObject();
    }

    /// <summary>Each replaced fact of the embedded catalogue, so that the approval lock covers it: a changed override is drift.</summary>
    private static void WriteFactOverrides(Utf8JsonWriter w, LicenceCatalogue c, Func<string, string> rel)
    {
        w.WriteStartArray("factOverrides");
        foreach (var o in c.FactOverrides)
        {
            w.WriteStartObject();
            w.WriteString("licence", o.LicenceId);
            w.WriteString("key", o.Key);
            w.WriteString("embedded", o.Embedded);
            w.WriteString("organisation", o.Organisation);
            w.WriteString("organisationSha256", o.OrganisationSha256);
            w.WriteBoolean("relaxes", o.Relaxes);
            w.WriteString("by", o.By);
            w.WriteString("reason", o.Reason);
            w.WriteString("source", o.Source);
            w.WriteString("approver", o.Approver);
            WriteLocation(w, "location", o.Location, rel);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteOrganisation(Utf8JsonWriter w, Organisation o)
    {
        w.WriteStartObject("organisation");
        w.WriteString("name", o.Name?.Value);
        if (o.Commercial is null) w.WriteNull("commercial"); else w.WriteBoolean("commercial", o.Commercial.Value);
        WriteMoney(w, "annualRevenue", o.AnnualRevenue);
        WriteMoney(w, "monthlyRevenue", o.MonthlyRevenue);
        if (o.MonthlyActiveUsers is null) w.WriteNull("monthlyActiveUsers"); else w.WriteNumber("monthlyActiveUsers", o.MonthlyActiveUsers.Value);
        w.WriteString("domicile", o.Domicile?.Value);
        WriteStrings(w, "territories", o.Territories.Select(t => t.Value));
        WriteStrings(w, "fieldsOfUse", o.FieldsOfUse.Select(t => t.Value));
        w.WriteStartObject("perimeter");
        WriteStrings(w, "mustStayInside", o.Perimeter.MustStayInside.Select(t => t.Value));
        WriteStrings(w, "inside", o.Perimeter.Inside.Select(t => t.Value));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter w, EvaluationResult r)
    {
        w.WriteStartObject("summary");
        w.WriteNumber("models", r.Models.Count);
        w.WriteNumber("pass", r.Models.Count(m => m.Verdict == "pass"));
        w.WriteNumber("warn", r.Models.Count(m => m.Verdict == "warn"));
        w.WriteNumber("fail", r.Models.Count(m => m.Verdict == "fail"));
        w.WriteNumber("errors", r.Count(Severity.Error));
        w.WriteNumber("warnings", r.Count(Severity.Warning));
        w.WriteNumber("waived", r.Findings.Count(f => f.IsWaived));
        w.WriteString("verdict", r.HasErrors ? "fail" : r.Count(Severity.Warning) > 0 ? "warn" : "pass");
        w.WriteEndObject();
    }

    internal static void WriteMoney(Utf8JsonWriter w, string name, Money? money)
    {
        if (money is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteNumber("amount", money.Amount);
        w.WriteString("currency", money.Currency);
        w.WriteEndObject();
    }

    internal static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    internal static void WriteFinding(Utf8JsonWriter w, Finding f, Func<string, string> rel)
    {
        w.WriteStartObject();
        w.WriteString("id", f.Id);
        w.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
        w.WriteString("effectiveSeverity", f.EffectiveSeverity.ToString().ToLowerInvariant());
        w.WriteString("message", f.Message);
        w.WriteString("model", f.ModelId);
        WriteLocation(w, "location", f.Location, rel);
        w.WriteStartObject("facts");
        foreach (var kv in f.Facts) w.WriteString(kv.Key, kv.Value);
        w.WriteEndObject();
        w.WriteBoolean("waived", f.IsWaived);
        if (f.WaivedBy is { } waiver)
        {
            w.WriteStartObject("waiver");
            w.WriteString("reason", waiver.Reason);
            w.WriteString("approver", waiver.Approver);
            w.WriteString("expires", waiver.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        w.WriteString("help", f.HelpPage);
        w.WriteEndObject();
    }

    internal static void WriteLocation(Utf8JsonWriter w, string name, SourceLocation loc, Func<string, string> rel)
    {
        w.WriteStartObject(name);
        w.WriteString("file", rel(loc.File));
        w.WriteNumber("line", loc.Line);
        w.WriteNumber("column", loc.Column);
        w.WriteEndObject();
    }

    /// <summary>Paths relative to models.yaml with '/' separators, so the output is the same on every machine.</summary>
    public static string Relative(string baseDir, string path)
    {
        if (string.IsNullOrEmpty(path) || path.StartsWith("rules/", StringComparison.Ordinal) || string.IsNullOrEmpty(baseDir)) return path.Replace('\\', '/');
        try
        {
            var full = Path.GetFullPath(path);
            var b = baseDir.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? baseDir : baseDir + Path.DirectorySeparatorChar;
            if (full.StartsWith(b, StringComparison.Ordinal)) return full.Substring(b.Length).Replace('\\', '/');
            var relative = new Uri(b).MakeRelativeUri(new Uri(full)).ToString();
            return Uri.UnescapeDataString(relative).Replace('\\', '/');
        }
        catch (Exception ex) when (ex is ArgumentException || ex is UriFormatException || ex is NotSupportedException)
        {
            return path.Replace('\\', '/');
        }
    }
}
