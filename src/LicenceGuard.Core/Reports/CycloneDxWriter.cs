using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using LicenceGuard.Core.Document;

namespace LicenceGuard.Core.Reports;

/// <summary>
/// The compliance manifest as a CycloneDX 1.6 ML-BOM: one <c>machine-learning-model</c> component per model with its
/// licence, weights hashes, a model card where the manifest has evaluations or catalogue figures, and LicenceGuard's
/// facts as <c>licenceguard:*</c> properties; NuGet packages from the dependency audit as libraries.
/// </summary>
public static class CycloneDxWriter
{
    /// <summary>
    /// Catalogue licence IDs that are on the SPDX licence list. A CycloneDX <c>license.id</c> must be one; any other
    /// licence (LicenseRef-…, organisation additions) is written by name with its URL.
    /// </summary>
    private static readonly HashSet<string> SpdxListed = new(StringComparer.Ordinal)
    {
        "Apache-2.0", "MIT", "BSD-2-Clause", "BSD-3-Clause", "CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC-BY-NC-SA-4.0",
        "CC-BY-ND-4.0", "CC-BY-NC-ND-4.0", "CC0-1.0", "MPL-2.0", "GPL-2.0-only", "GPL-3.0-only", "LGPL-3.0-only", "AGPL-3.0-only",
        "OpenRAIL", "Unlicense",
    };

    private static readonly Regex Sha256 = new("^[0-9a-fA-F]{64}$", RegexOptions.CultureInvariant);

    public static string Generate(ComplianceDocument manifest)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
            w.WriteString("bomFormat", "CycloneDX");
            w.WriteString("specVersion", "1.6");
            w.WriteString("serialNumber", SerialNumber(manifest));
            w.WriteNumber("version", 1);
            WriteMetadata(w, manifest);

            w.WriteStartArray("components");
            foreach (var m in manifest.Models) WriteModel(w, m, manifest.TermsOf(m), manifest.FindingsOf(m));
            foreach (var package in DependencyPackages(manifest)) WritePackage(w, package);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>
    /// Derived from the manifest's content (an RFC 4122 version-5-style UUID) rather than random: the build writes the
    /// BOM only when it changes, and a new serial number on every build would make every build a change.
    /// </summary>
    internal static string SerialNumber(ComplianceDocument manifest)
    {
        using var sha = SHA256.Create();
        using (var hashing = new CryptoStream(System.IO.Stream.Null, sha, CryptoStreamMode.Write))
        {
            ComplianceJson.WriteTo(hashing, manifest);
            hashing.FlushFinalBlock();
        }
        var hash = sha.Hash!;
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = string.Concat(hash.Take(16).Select(b => b.ToString("x2")));
        return $"urn:uuid:{hex.Substring(0, 8)}-{hex.Substring(8, 4)}-{hex.Substring(12, 4)}-{hex.Substring(16, 4)}-{hex.Substring(20, 12)}";
    }

    private static void WriteMetadata(Utf8JsonWriter w, ComplianceDocument manifest)
    {
        var orgName = manifest.Organisation?.Name;
        w.WriteStartObject("metadata");
        if (manifest.GeneratedAt is string at) w.WriteString("timestamp", at);
        w.WriteStartObject("tools");
        w.WriteStartArray("components");
        w.WriteStartObject();
        w.WriteString("type", "application");
        var tool = manifest.Tool ?? "LicenceGuard";
        var space = tool.IndexOf(' ');
        w.WriteString("name", space < 0 ? tool : tool.Substring(0, space));
        if (space > 0) w.WriteString("version", tool.Substring(space + 1));
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("component");
        w.WriteString("type", "application");
        w.WriteString("bom-ref", "product");
        w.WriteString("name", orgName ?? "product");
        w.WriteEndObject();
        if (orgName is string name)
        {
            w.WriteStartObject("manufacturer");
            w.WriteString("name", name);
            w.WriteEndObject();
        }
        w.WriteStartArray("properties");
        Property(w, "licenceguard:verdict", Spelling.Of(manifest.Summary.Verdict));
        Property(w, "licenceguard:catalogue.date", manifest.Catalogue.Date);
        Property(w, "licenceguard:manifest", manifest.Manifest);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteModel(Utf8JsonWriter w, ModelRecord m, LicenceTerms? licence, IEnumerable<FindingRecord> findings)
    {
        var id = m.Id;
        w.WriteStartObject();
        w.WriteString("type", "machine-learning-model");
        w.WriteString("bom-ref", "model:" + id);
        if (m.Maker is string maker)
        {
            w.WriteStartObject("supplier");
            w.WriteString("name", maker);
            w.WriteEndObject();
        }
        w.WriteString("name", id);
        if (m.Revision is string revision) w.WriteString("version", revision);
        var hashes = m.Weights.Select(x => x.Sha256).Where(s => s != null && Sha256.IsMatch(s)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (hashes.Count > 0)
        {
            w.WriteStartArray("hashes");
            foreach (var h in hashes)
            {
                w.WriteStartObject();
                w.WriteString("alg", "SHA-256");
                w.WriteString("content", h!.ToLowerInvariant());
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        WriteLicences(w, m, licence);
        var sources = (licence?.Sources ?? new List<string>()).Where(s => s.StartsWith("http", StringComparison.OrdinalIgnoreCase)).ToList();
        if (sources.Count > 0)
        {
            w.WriteStartArray("externalReferences");
            foreach (var url in sources)
            {
                w.WriteStartObject();
                w.WriteString("type", "license");
                w.WriteString("url", url);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        WriteModelCard(w, m);
        w.WriteStartArray("properties");
        Property(w, "licenceguard:verdict", Spelling.Of(m.Verdict));
        Property(w, "licenceguard:kind", m.Kind);
        foreach (var alias in m.Aliases) Property(w, "licenceguard:alias", alias);
        Property(w, "licenceguard:licence.openness", licence?.Openness);
        Property(w, "licenceguard:licence.commercialUse", licence?.CommercialUse);
        Property(w, "licenceguard:licence.textSha256", licence?.TextSha256);
        Property(w, "licenceguard:review.by", m.Review?.By);
        Property(w, "licenceguard:review.on", m.Review?.On);
        Property(w, "licenceguard:review.textSha256", m.Review?.TextSha256);
        Property(w, "licenceguard:hosting", m.HostingText);
        foreach (var c in m.Receives) Property(w, "licenceguard:receives", c);
        Property(w, "licenceguard:perimeter", Spelling.Of(m.Perimeter.Verdict));
        foreach (var t in m.Thresholds)
            Property(w, "licenceguard:threshold." + t.Metric,
                $"{Spelling.Of(t.Status)}; limit {Spelling.Of(t.Value)}{(t.Currency is string c ? " " + c : "")}; figure {(t.Figure is decimal f ? Spelling.Of(f) : "unknown")}; headroom {(t.HeadroomPercent is double h ? Spelling.Of(h) : "unknown")}%");
        foreach (var d in m.Duties)
            Property(w, "licenceguard:duty." + d.Kind, $"{(d.Met ? "met" : "open")}: {d.Text}{(d.MetBy is string by ? " (" + by + ")" : "")}");
        foreach (var f in findings.Where(f => f.Waived))
            Property(w, "licenceguard:waived", $"{f.Id} until {f.Waiver?.Expires} by {f.Waiver?.Approver}: {f.Waiver?.Reason}");
        foreach (var loc in m.CodeLocations)
            Property(w, "licenceguard:codeLocation", loc.File + ":" + Spelling.Of(loc.Line));
        // The attestation is the attesting tool's own document, embedded as it wrote it: read what it has.
        if (m.HardwareAttestation is { ValueKind: JsonValueKind.Object } attestation) Property(w, "licenceguard:hardwareAttestation", attestation.Str("result") ?? "recorded");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteLicences(Utf8JsonWriter w, ModelRecord m, LicenceTerms? licence)
    {
        var id = licence?.Id ?? m.DeclaredLicence;
        if (id is null) return;
        var added = licence?.Overrides.Any(o => o.Added) == true;
        w.WriteStartArray("licenses");
        w.WriteStartObject();
        w.WriteStartObject("license");
        if (SpdxListed.Contains(id) && !added) w.WriteString("id", id);
        else w.WriteString("name", licence?.Name is string name && name != id ? $"{name} ({id})" : id);
        w.WriteString("acknowledgement", "concluded");
        if (licence?.Sources.FirstOrDefault(s => s.StartsWith("http", StringComparison.OrdinalIgnoreCase)) is string url) w.WriteString("url", url);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
    }

    /// <summary>A model card only from facts the manifest has: evaluations (datasets, scores) and catalogue figures.</summary>
    private static void WriteModelCard(Utf8JsonWriter w, ModelRecord m)
    {
        var evaluations = m.Evaluations;
        var match = m.CatalogueMatch;
        var figures = new List<(string, string)>();
        if (match?.Family is string family) figures.Add(("licenceguard:family", family));
        if (match?.ParametersTotal is long total) figures.Add(("licenceguard:parameters.total", Spelling.Of(total)));
        if (match?.ParametersActive is long active) figures.Add(("licenceguard:parameters.active", Spelling.Of(active)));
        if (match?.ContextTokens is long ctx) figures.Add(("licenceguard:contextTokens", Spelling.Of(ctx)));
        if (m.Target?.Precision is string precision) figures.Add(("licenceguard:target.precision", precision));
        if (m.Target?.Gpu is string gpu) figures.Add(("licenceguard:target.gpu", gpu));
        if (evaluations.Count == 0 && figures.Count == 0) return;

        w.WriteStartObject("modelCard");
        var datasets = evaluations.Select(e => e.Dataset).Where(d => d != null).Distinct(StringComparer.Ordinal).ToList();
        if (datasets.Count > 0 || match?.Family != null)
        {
            w.WriteStartObject("modelParameters");
            if (match?.Family is string architecture) w.WriteString("architectureFamily", architecture);
            if (datasets.Count > 0)
            {
                w.WriteStartArray("datasets");
                foreach (var d in datasets)
                {
                    w.WriteStartObject();
                    w.WriteString("type", "dataset");
                    w.WriteString("name", d);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        var scored = evaluations.Where(e => e.Score != null).ToList();
        if (scored.Count > 0)
        {
            w.WriteStartObject("quantitativeAnalysis");
            w.WriteStartArray("performanceMetrics");
            foreach (var e in scored)
            {
                w.WriteStartObject();
                w.WriteString("type", "score");
                w.WriteString("value", e.Score);
                var slice = string.Join(", ", new[] { e.Dataset, e.On, e.Revision, e.Quantisation, e.Runtime }.Where(x => x != null));
                if (slice.Length > 0) w.WriteString("slice", slice);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        if (figures.Count > 0)
        {
            w.WriteStartArray("properties");
            foreach (var (name, value) in figures) Property(w, name, value);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>
    /// The dependency audit's packages, whatever shape the section has: an array of packages, or an object holding
    /// one (packages, dependencies, items). Entries without a name are skipped; nothing here fails the BOM.
    /// </summary>
    internal static IEnumerable<(string Name, string? Version, string? Licence)> DependencyPackages(ComplianceDocument manifest)
    {
        if (manifest.Dependencies is not { } deps) return Enumerable.Empty<(string, string?, string?)>();
        IEnumerable<JsonElement> items = Enumerable.Empty<JsonElement>();
        if (deps.ValueKind == JsonValueKind.Array) items = deps.EnumerateArray().ToList();
        else if (deps.ValueKind == JsonValueKind.Object)
            foreach (var key in new[] { "packages", "dependencies", "items", "components" })
                if (deps.TryGetProperty(key, out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    items = list.EnumerateArray().ToList();
                    break;
                }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<(string, string?, string?)>();
        foreach (var p in items)
        {
            var name = First(p, "id", "name", "package", "packageId");
            if (name is null) continue;
            var version = First(p, "version", "resolvedVersion");
            if (!seen.Add(name + "@" + version)) continue;
            var licence = First(p, "licence", "license", "licenseExpression", "licenceExpression", "spdx");
            if (licence is null && p.ValueKind == JsonValueKind.Object)
                foreach (var key in new[] { "licence", "license" })
                    if (p.TryGetProperty(key, out var l) && l.ValueKind == JsonValueKind.Object) licence ??= First(l, "expression", "id", "name");
            result.Add((name, version, licence));
        }
        return result.OrderBy(r => r.Item1, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Item2, StringComparer.Ordinal);
    }

    private static string? First(JsonElement e, params string[] names)
    {
        foreach (var n in names)
            if (e.Str(n) is string s && s.Length > 0) return s;
        return null;
    }

    private static void WritePackage(Utf8JsonWriter w, (string Name, string? Version, string? Licence) p)
    {
        w.WriteStartObject();
        w.WriteString("type", "library");
        w.WriteString("bom-ref", "nuget:" + p.Name + (p.Version is null ? string.Empty : "@" + p.Version));
        w.WriteString("name", p.Name);
        if (p.Version != null) w.WriteString("version", p.Version);
        if (p.Licence != null)
        {
            w.WriteStartArray("licenses");
            w.WriteStartObject();
            // An expression holds both a single SPDX ID and compound terms without validating against the SPDX list.
            w.WriteString("expression", p.Licence);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteString("purl", "pkg:nuget/" + Uri.EscapeDataString(p.Name) + (p.Version is null ? string.Empty : "@" + Uri.EscapeDataString(p.Version)));
        w.WriteEndObject();
    }

    private static void Property(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) return;
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("value", value);
        w.WriteEndObject();
    }
}
