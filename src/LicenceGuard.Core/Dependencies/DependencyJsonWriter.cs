using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Core.Dependencies;

/// <summary>
/// dependencies.json: the audit as a JSON value that the compliance manifest embeds as its <c>dependencies</c> section.
/// Deterministic (packages sorted, no timestamps, no machine paths) so that an unchanged graph writes the same bytes.
/// </summary>
public static class DependencyJsonWriter
{
    public const int FormatVersion = 1;

    public static string ToJson(DependencyAuditResult result, string? assetsFile = null)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("formatVersion", FormatVersion);
            if (assetsFile != null) w.WriteString("restoreGraph", Path.GetFileName(assetsFile));
            WritePolicy(w, result.Policy);
            WriteSummary(w, result);
            w.WriteStartArray("packages");
            foreach (var e in result.Packages) WritePackage(w, e);
            w.WriteEndArray();
            w.WriteStartArray("waivers");
            foreach (var pair in result.Waivers.OrderBy(p => p.Key.Rule.Value, StringComparer.Ordinal).ThenBy(p => p.Key.Package?.Value, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("rule", pair.Key.Rule.Value);
                w.WriteString("package", pair.Key.Package?.Value);
                w.WriteString("reason", pair.Key.Reason);
                w.WriteString("approver", pair.Key.Approver);
                w.WriteString("expires", pair.Key.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteNumber("covers", pair.Value);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("findings");
            foreach (var f in result.Findings) WriteFinding(w, f);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WritePolicy(Utf8JsonWriter w, DependencyPolicy policy)
    {
        w.WriteStartObject("policy");
        w.WriteString("source", policy.IsDefault ? "default" : "models.yaml");
        w.WriteStartObject("allow");
        WriteStrings(w, "classes", policy.AllowClasses.Select(c => c.Value.ToName()));
        WriteStrings(w, "licences", policy.AllowLicences.Select(l => l.Value));
        w.WriteEndObject();
        w.WriteStartObject("deny");
        WriteStrings(w, "classes", policy.DenyClasses.Select(c => c.Value.ToName()));
        WriteStrings(w, "licences", policy.DenyLicences.Select(l => l.Value));
        w.WriteEndObject();
        w.WriteStartArray("exceptions");
        foreach (var x in policy.Exceptions)
        {
            w.WriteStartObject();
            w.WriteString("package", x.Package.Value);
            w.WriteString("versions", x.Versions?.Value);
            w.WriteString("licence", x.Licence?.Value);
            w.WriteString("reason", x.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter w, DependencyAuditResult result)
    {
        w.WriteStartObject("summary");
        w.WriteNumber("packages", result.Packages.Count);
        w.WriteNumber("direct", result.Packages.Count(p => p.Package.IsDirect));
        foreach (DependencyVerdict v in Enum.GetValues(typeof(DependencyVerdict)))
            w.WriteNumber(VerdictName(v), result.Packages.Count(p => p.Verdict == v));
        w.WriteNumber("modelFiles", result.Packages.Sum(p => p.ModelFiles.Count));
        w.WriteNumber("undeclaredModelFiles", result.Packages.Sum(p => p.ModelFiles.Count(f => f.DeclaredBy is null)));
        w.WriteNumber("errors", result.Findings.Count(f => f.EffectiveSeverity == Severity.Error));
        w.WriteNumber("warnings", result.Findings.Count(f => f.EffectiveSeverity == Severity.Warning));
        w.WriteNumber("waived", result.Findings.Count(f => f.IsWaived));
        w.WriteEndObject();
    }

    private static void WritePackage(Utf8JsonWriter w, PackageEvaluation e)
    {
        var p = e.Package;
        w.WriteStartObject();
        w.WriteString("id", p.Id);
        w.WriteString("version", p.Version);
        w.WriteBoolean("direct", p.IsDirect);
        WriteStrings(w, "path", p.Path);
        w.WriteStartObject("licence");
        w.WriteString("source", p.Licence.Source.ToString().ToLowerInvariant());
        w.WriteString("expression", p.Licence.Term?.ToString() ?? p.Licence.Expression);
        w.WriteString("file", p.Licence.File);
        w.WriteString("url", p.Licence.Url);
        w.WriteBoolean("fromFeed", p.Licence.FromFeed);
        if (p.Licence.IdentifiedByText) w.WriteBoolean("identifiedByText", true);
        WriteStrings(w, "classes", e.Classes.Select(c => c.ToName()).Distinct());
        if (p.Licence.Problem != null) w.WriteString("problem", p.Licence.Problem);
        w.WriteEndObject();
        w.WriteString("verdict", VerdictName(e.Verdict));
        w.WriteString("reason", e.Reason);
        if (e.Exception != null) w.WriteString("exceptionLicence", e.Exception.Licence?.Value);
        w.WriteStartArray("modelFiles");
        foreach (var f in e.ModelFiles)
        {
            w.WriteStartObject();
            w.WriteString("path", f.File.Path);
            w.WriteString("format", f.File.Format);
            w.WriteNumber("bytes", f.File.Size);
            w.WriteString("identity", f.Identity);
            w.WriteString("declaredBy", f.DeclaredBy);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter w, Finding f)
    {
        w.WriteStartObject();
        w.WriteString("id", f.Id);
        w.WriteString("severity", f.EffectiveSeverity.ToString().ToLowerInvariant());
        w.WriteString("message", f.Message);
        w.WriteString("file", string.IsNullOrEmpty(f.Location.File) ? null : Path.GetFileName(f.Location.File));
        if (!f.Location.IsNone)
        {
            w.WriteNumber("line", f.Location.Line);
            w.WriteNumber("column", f.Location.Column);
        }
        w.WriteStartObject("facts");
        foreach (var fact in f.Facts) w.WriteString(fact.Key, fact.Value);
        w.WriteEndObject();
        if (f.WaivedBy is { } waiver)
            w.WriteString("waivedUntil", waiver.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, System.Collections.Generic.IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    public static string VerdictName(DependencyVerdict v) => v switch
    {
        DependencyVerdict.Allowed => "allowed",
        DependencyVerdict.Excepted => "excepted",
        DependencyVerdict.NotAllowed => "notAllowed",
        DependencyVerdict.Denied => "denied",
        _ => "unreadable",
    };
}
