using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LicenceGuard.Core.Document;

namespace LicenceGuard.Core.Reports;

/// <summary>
/// The compliance manifest as an SPDX 3.0.1 JSON-LD document with the AI and Dataset profiles: one <c>ai_AIPackage</c>
/// per model (supplier, weights hashes, type of model, the licence's limits, whether it receives sensitive personal
/// data), exactly one <c>hasDeclaredLicense</c> (what models.yaml says) and one <c>hasConcludedLicense</c> (what
/// LicenceGuard resolved from the catalogue) per package, the evaluation data sets as <c>dataset_DatasetPackage</c>
/// linked by <c>testedOn</c>, and the NuGet dependencies as <c>software_Package</c>. Element ids are derived from the
/// manifest's content, so the same manifest gives the same document apart from its creation time.
/// </summary>
public static class Spdx3Writer
{
    public const string Context = "https://spdx.org/rdf/3.0.1/spdx-context.jsonld";
    private const string CreationInfo = "_:creationinfo";
    private const string NoAssertionLicence = "https://spdx.org/rdf/3.0.1/terms/Expanded/NoAssertionLicense";

    /// <summary>Data classes whose presence makes a model one that uses sensitive personal information.</summary>
    private static readonly HashSet<string> SensitiveClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        "personal", "health", "finance", "financial", "biometric", "genetic", "children", "special-category",
    };

    public static string Generate(ComplianceDocument manifest, DateTime created)
    {
        var ns = CycloneDxWriter.SerialNumber(manifest) + "#";
        var org = manifest.Organisation;
        var graph = new Graph(ns);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("@context", Context);
            w.WriteStartArray("@graph");

            var tool = ns + "tool-licenceguard";
            var company = ns + "organisation";
            w.WriteStartObject();
            w.WriteString("type", "CreationInfo");
            w.WriteString("@id", CreationInfo);
            w.WriteString("specVersion", "3.0.1");
            w.WriteString("created", created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            WriteIds(w, "createdBy", company);
            WriteIds(w, "createdUsing", tool);
            w.WriteEndObject();
            Element(w, "Tool", tool, manifest.Tool ?? "LicenceGuard");
            Element(w, "Organization", company, org?.Name ?? "the organisation");

            var roots = new List<string>();
            foreach (var model in manifest.Models) roots.Add(WriteModel(w, graph, model, manifest.TermsOf(model), org));
            foreach (var (name, version, licence) in CycloneDxWriter.DependencyPackages(manifest)) roots.Add(WritePackage(w, graph, name, version, licence));
            foreach (var pending in graph.Pending) pending(w);

            w.WriteStartObject();
            w.WriteString("type", "SpdxDocument");
            w.WriteString("spdxId", ns + "document");
            w.WriteString("creationInfo", CreationInfo);
            w.WriteString("name", "AI models and dependencies of " + (org?.Name ?? "the product"));
            w.WriteStartArray("profileConformance");
            foreach (var p in new[] { "core", "software", "simpleLicensing", "ai", "dataset" }) w.WriteStringValue(p);
            w.WriteEndArray();
            w.WriteStartObject("dataLicense");
            w.WriteString("type", "simplelicensing_LicenseExpression");
            w.WriteString("spdxId", ns + "data-licence");
            w.WriteString("creationInfo", CreationInfo);
            w.WriteString("simplelicensing_licenseExpression", "CC0-1.0");
            w.WriteEndObject();
            WriteIds(w, "rootElement", roots.ToArray());
            WriteIds(w, "element", new[] { tool, company }.Concat(graph.Elements).ToArray());
            w.WriteEndObject();

            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    private static string WriteModel(Utf8JsonWriter w, Graph graph, ModelRecord m, LicenceTerms? licence, OrganisationRecord? org)
    {
        var id = graph.Add("model-" + Slug(m.Id));
        w.WriteStartObject();
        w.WriteString("type", "ai_AIPackage");
        w.WriteString("spdxId", id);
        w.WriteString("creationInfo", CreationInfo);
        w.WriteString("name", m.Id);
        if (m.Revision is string revision) w.WriteString("software_packageVersion", revision);
        w.WriteString("software_primaryPurpose", "model");
        if (m.Maker is string maker) w.WriteString("suppliedBy", graph.Supplier(maker));
        var hashes = m.Weights.Select(x => x.Sha256).Where(h => h != null && h.Length == 64).ToList();
        if (hashes.Count > 0)
        {
            w.WriteStartArray("verifiedUsing");
            foreach (var h in hashes)
            {
                w.WriteStartObject();
                w.WriteString("type", "Hash");
                w.WriteString("algorithm", "sha256");
                w.WriteString("hashValue", h!.ToLowerInvariant());
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        var types = TypeOfModel(m.CatalogueMatch);
        if (types.Count > 0) WriteStrings(w, "ai_typeOfModel", types);
        var domains = (org?.FieldsOfUse ?? new List<string>()).Where(x => !string.IsNullOrEmpty(x)).ToList();
        if (domains.Count > 0) WriteStrings(w, "ai_domain", domains);
        if (Limitation(licence) is string limitation) w.WriteString("ai_limitation", limitation);
        w.WriteString("ai_useSensitivePersonalInformation", SensitivePersonalInformation(m, org));
        w.WriteString("ai_informationAboutApplication", $"LicenceGuard verdict: {Spelling.Of(m.Verdict)}; hosted {m.HostingText}");
        w.WriteEndObject();

        // The catalogue's ids are SPDX ids or LicenseRef-… by construction; a declared alias ("llama3.1") is not an SPDX
        // expression, so it is written as the catalogue id it resolved to, or as a LicenseRef of its own.
        var concluded = licence?.Id;
        var declared = m.DeclaredLicence;
        if (declared != null && concluded != null && licence!.Aliases.Append(concluded).Contains(declared, StringComparer.OrdinalIgnoreCase)) declared = concluded;
        else if (declared != null && !declared.StartsWith("LicenseRef-", StringComparison.Ordinal)) declared = "LicenseRef-" + Slug(declared);
        graph.Licence(id, "hasDeclaredLicense", declared);
        graph.Licence(id, "hasConcludedLicense", concluded);
        foreach (var dataset in m.Evaluations.Select(e => e.Dataset).Where(d => !string.IsNullOrEmpty(d)).Distinct(StringComparer.Ordinal))
            graph.Relationship(id, "testedOn", graph.Dataset(dataset!));
        return id;
    }

    private static string WritePackage(Utf8JsonWriter w, Graph graph, string name, string? version, string? licence)
    {
        var id = graph.Add("nuget-" + Slug(name + "-" + version));
        w.WriteStartObject();
        w.WriteString("type", "software_Package");
        w.WriteString("spdxId", id);
        w.WriteString("creationInfo", CreationInfo);
        w.WriteString("name", name);
        if (version != null)
        {
            w.WriteString("software_packageVersion", version);
            w.WriteString("software_packageUrl", "pkg:nuget/" + Uri.EscapeDataString(name) + "@" + Uri.EscapeDataString(version));
        }
        w.WriteString("software_primaryPurpose", "library");
        w.WriteEndObject();
        graph.Licence(id, "hasDeclaredLicense", licence);
        graph.Licence(id, "hasConcludedLicense", licence);
        return id;
    }

    /// <summary>What the catalogue knows of the model's kind: its modalities and, when active parameters are fewer
    /// than the total, that it is a mixture of experts. Nothing is guessed when the catalogue has no entry.</summary>
    private static List<string> TypeOfModel(CatalogueMatchRecord? match)
    {
        var types = new List<string>();
        var modality = match?.Modality ?? new List<string>();
        if (modality.Contains("embedding")) types.Add("embedding model");
        else if (modality.Count > 0) types.Add("generative model (" + string.Join(", ", modality) + ")");
        if (match?.ParametersActive is long active && match.ParametersTotal is long total && active < total) types.Add("mixture of experts");
        return types;
    }

    /// <summary>The licence's limits that bind the product, in one sentence each.</summary>
    private static string? Limitation(LicenceTerms? licence)
    {
        if (licence is null) return null;
        var parts = new List<string>();
        if (licence.CommercialUse is string commercial && commercial != "allowed") parts.Add("commercial use " + commercial);
        foreach (var t in licence.Thresholds)
            parts.Add($"{HtmlReport.MetricName(t.Metric)} threshold {Spelling.Of(t.Value)}{(t.Currency is string c ? " " + c : string.Empty)}: {t.Effect}");
        if (licence.TerritoryExclusions.Count > 0) parts.Add("not licensed in " + string.Join(", ", licence.TerritoryExclusions));
        if (licence.AcceptableUsePolicy is string aup) parts.Add("acceptable use policy " + aup);
        return parts.Count == 0 ? null : (licence.Name ?? licence.Id) + ": " + string.Join("; ", parts);
    }

    /// <summary>yes when the model receives a sensitive data class, no when it receives only others, noAssertion when
    /// models.yaml does not say what it receives.</summary>
    private static string SensitivePersonalInformation(ModelRecord model, OrganisationRecord? org)
    {
        if (model.Receives.Count == 0) return "noAssertion";
        var mustStay = new HashSet<string>(org?.Perimeter.MustStayInside ?? new List<string>(), StringComparer.OrdinalIgnoreCase);
        return model.Receives.Any(r => SensitiveClasses.Contains(r) || mustStay.Contains(r)) ? "yes" : "no";
    }

    private static void Element(Utf8JsonWriter w, string type, string id, string name)
    {
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WriteString("spdxId", id);
        w.WriteString("creationInfo", CreationInfo);
        w.WriteString("name", name);
        w.WriteEndObject();
    }

    private static void WriteIds(Utf8JsonWriter w, string name, params string[] ids) => WriteStrings(w, name, ids);

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static string Slug(string? text)
    {
        var sb = new StringBuilder();
        foreach (var c in text ?? string.Empty) sb.Append(c < 128 && char.IsLetterOrDigit(c) || c == '.' ? c : '-');
        return sb.ToString();
    }

    /// <summary>The elements beyond the packages (suppliers, licences, data sets, relationships), each written once,
    /// after the packages, with ids unique within the document.</summary>
    private sealed class Graph
    {
        private readonly string _ns;
        private readonly Dictionary<string, string> _byKey = new(StringComparer.Ordinal);
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

        public Graph(string ns) => _ns = ns;

        public List<string> Elements { get; } = new();
        public List<Action<Utf8JsonWriter>> Pending { get; } = new();

        public string Add(string local)
        {
            var id = _ns + local;
            for (var n = 2; !_ids.Add(id); n++) id = _ns + local + "-" + n;
            Elements.Add(id);
            return id;
        }

        public string Supplier(string maker) => Once("supplier:" + maker, "supplier-" + Slug(maker), id => w => Element(w, "Organization", id, maker));

        public string Dataset(string name) => Once("dataset:" + name, "dataset-" + Slug(name), id => w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "dataset_DatasetPackage");
            w.WriteString("spdxId", id);
            w.WriteString("creationInfo", CreationInfo);
            w.WriteString("name", name);
            w.WriteString("software_primaryPurpose", "data");
            WriteStrings(w, "dataset_datasetType", new[] { "noAssertion" });
            w.WriteEndObject();
        });

        /// <summary>One relationship to the licence expression (or NOASSERTION when there is none).</summary>
        public void Licence(string from, string type, string? expression)
        {
            var to = string.IsNullOrWhiteSpace(expression) ? NoAssertionLicence : Once("licence:" + expression, "licence-" + Slug(expression), id => w =>
            {
                w.WriteStartObject();
                w.WriteString("type", "simplelicensing_LicenseExpression");
                w.WriteString("spdxId", id);
                w.WriteString("creationInfo", CreationInfo);
                w.WriteString("simplelicensing_licenseExpression", expression!.Trim());
                w.WriteEndObject();
            });
            Relationship(from, type, to);
        }

        public void Relationship(string from, string type, string to)
        {
            var id = Add("relationship-" + Elements.Count.ToString(CultureInfo.InvariantCulture));
            Pending.Add(w =>
            {
                w.WriteStartObject();
                w.WriteString("type", "Relationship");
                w.WriteString("spdxId", id);
                w.WriteString("creationInfo", CreationInfo);
                w.WriteString("from", from);
                w.WriteString("relationshipType", type);
                WriteStrings(w, "to", new[] { to });
                w.WriteEndObject();
            });
        }

        private string Once(string key, string local, Func<string, Action<Utf8JsonWriter>> write)
        {
            if (_byKey.TryGetValue(key, out var existing)) return existing;
            var id = Add(local);
            _byKey[key] = id;
            Pending.Add(write(id));
            return id;
        }
    }
}
