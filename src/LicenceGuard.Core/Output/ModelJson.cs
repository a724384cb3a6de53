using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Core.Output;

internal static class ModelJson
{
    public static void Write(Utf8JsonWriter w, ModelEvaluation m, ComplianceExtras extras, Func<string, string> rel)
    {
        var e = m.Entry;
        w.WriteStartObject();
        w.WriteString("id", e.Id.Value);
        ComplianceManifestWriter.WriteStrings(w, "aliases", e.Aliases.Select(a => a.Value));
        w.WriteString("kind", e.Kind?.Value ?? m.Match?.Family.Kind);
        w.WriteString("maker", e.Maker?.Value ?? m.Match?.Family.Maker);
        w.WriteString("revision", e.Revision?.Value);
        w.WriteString("verdict", m.Verdict);
        ComplianceManifestWriter.WriteLocation(w, "location", e.Id.Location, rel);
        if (m.Match is { } match)
        {
            w.WriteStartObject("catalogueMatch");
            w.WriteString("family", match.Family.Id);
            w.WriteString("matchedBy", match.MatchedBy);
            w.WriteString("licence", match.LicenceId);
            w.WriteString("codeLicence", match.Family.CodeLicence);
            if (!match.Family.LicenceVerified) w.WriteBoolean("licenceVerified", false);
            if (match.Model?.ParametersTotal is long total) w.WriteNumber("parametersTotal", total);
            if (match.Model?.ParametersActive is long active) w.WriteNumber("parametersActive", active);
            if (match.Model?.ContextTokens is long ctx) w.WriteNumber("contextTokens", ctx);
            if (match.Model?.Modality is { Count: > 0 } modality)
            {
                w.WriteStartArray("modality");
                foreach (var x in modality) w.WriteStringValue(x);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        else w.WriteNull("catalogueMatch");

        w.WriteString("declaredLicence", e.Licence?.Value);
        if (m.Terms is { } terms)
        {
            w.WritePropertyName("licence");
            LicenceJson.WriteTerms(w, terms);
        }
        else w.WriteNull("licence");

        if (e.Review is { } review)
        {
            w.WriteStartObject("review");
            w.WriteString("by", review.By?.Value);
            w.WriteString("on", review.On?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("textSha256", review.TextSha256?.Value.ToLowerInvariant());
            w.WriteString("source", review.Source?.Value);
            var pinned = m.Terms?.TextSha256?.Value;
            var matches = pinned != null && review.TextSha256 != null && string.Equals(pinned, review.TextSha256.Value, StringComparison.OrdinalIgnoreCase);
            w.WriteBoolean("matchesCatalogueText", matches);
            // A licence without a pinned text is neither matched nor changed: reports show it as not pinned (LG1027).
            w.WriteString("textCheck", pinned is null ? "not-pinned" : matches ? "matches" : "differs");
            w.WriteEndObject();
        }
        else w.WriteNull("review");

        w.WriteStartObject("hosting");
        w.WriteString("mode", e.Hosting?.Mode?.Value);
        w.WriteString("region", e.Hosting?.Region?.Value);
        w.WriteEndObject();
        ComplianceManifestWriter.WriteStrings(w, "receives", e.Receives.Select(r => r.Value));
        w.WriteStartObject("perimeter");
        w.WriteString("verdict", m.Perimeter.Ok ? "inside-or-not-sensitive" : "violation");
        w.WriteString("reason", m.Perimeter.Reason);
        ComplianceManifestWriter.WriteStrings(w, "dataClassesOutside", m.Perimeter.DataClassesOutside);
        w.WriteEndObject();

        w.WriteStartArray("thresholds");
        foreach (var t in m.Thresholds)
        {
            w.WriteStartObject();
            w.WriteString("metric", t.Threshold.Metric);
            w.WriteNumber("value", t.Threshold.Value);
            w.WriteString("currency", t.Threshold.Currency);
            if (t.Figure is decimal f) w.WriteNumber("figure", f); else w.WriteNull("figure");
            if (t.HeadroomPercent is double h) w.WriteNumber("headroomPercent", Math.Round(h, 2)); else w.WriteNull("headroomPercent");
            w.WriteString("status", t.Status);
            w.WriteString("effect", t.Threshold.Effect);
            w.WriteString("note", t.FigureNote?.Trim());
            w.WriteString("source", t.Threshold.Fact.SourceUrl);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("duties");
        foreach (var d in m.Duties)
        {
            w.WriteStartObject();
            w.WriteString("kind", d.Kind);
            w.WriteString("text", d.Text);
            w.WriteString("where", d.Where);
            w.WriteBoolean("required", d.Required);
            w.WriteString("metBy", d.MetBy);
            w.WriteBoolean("met", d.Met);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        if (e.Target is { } target)
        {
            w.WriteStartObject("target");
            w.WriteString("gpu", target.Gpu?.Value);
            if (target.Count != null) w.WriteNumber("count", target.Count.Value);
            w.WriteString("precision", target.Precision?.Value);
            if (target.ContextTokens != null) w.WriteNumber("contextTokens", target.ContextTokens.Value);
            if (target.Concurrency != null) w.WriteNumber("concurrency", target.Concurrency.Value);
            w.WriteEndObject();
        }

        w.WriteStartArray("weights");
        foreach (var file in e.Weights.OrderBy(x => x.Path.Value, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("path", file.Path.Value.Replace('\\', '/'));
            w.WriteString("sha256", file.Sha256?.Value.ToLowerInvariant());
            w.WriteString("format", file.Format?.Value);
            if (extras.WeightsJson.TryGetValue(file.Path.Value, out var inspection))
            {
                w.WritePropertyName("inspection");
                ComplianceManifestWriter.WriteEmbedded(w, inspection);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("evaluations");
        foreach (var ev in e.Evaluations)
        {
            w.WriteStartObject();
            w.WriteString("on", ev.On?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("dataset", ev.Dataset?.Value);
            w.WriteString("score", ev.Score?.Value);
            w.WriteString("revision", ev.Revision?.Value);
            w.WriteString("quantisation", ev.Quantisation?.Value);
            w.WriteString("runtime", ev.Runtime?.Value);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        CodeReferences.Write(w, extras.CodeLocations.TryGetValue(e.Id.Value, out var locations) ? locations : new System.Collections.Generic.List<CodeLocation>());

        if (extras.AttestationJson.TryGetValue(e.Id.Value, out var attestation))
        {
            w.WritePropertyName("hardwareAttestation");
            ComplianceManifestWriter.WriteEmbedded(w, attestation);
        }
        else w.WriteNull("hardwareAttestation");

        w.WriteStartArray("findings");
        foreach (var f in m.Findings) ComplianceManifestWriter.WriteFinding(w, f, rel);
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
