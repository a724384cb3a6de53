using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using LicenceGuard.Core.Catalogue;

namespace LicenceGuard.Core.Output;

/// <summary>A licence's effective terms as JSON, with the source of every fact (used by the compliance manifest and the CLI).</summary>
public static class LicenceJson
{
    public static void WriteTerms(Utf8JsonWriter w, Licence l)
    {
        w.WriteStartObject();
        w.WriteString("id", l.Id);
        w.WriteString("name", l.Name);
        ComplianceManifestWriter.WriteStrings(w, "aliases", l.Aliases);
        w.WriteString("openness", l.Openness);
        w.WriteString("commercialUse", l.CommercialUse?.Value ?? (l.IsNonCommercial ? "forbidden" : null));
        w.WriteStartArray("thresholds");
        foreach (var t in l.Thresholds)
        {
            w.WriteStartObject();
            w.WriteString("metric", t.Metric);
            w.WriteNumber("value", t.Value);
            w.WriteString("currency", t.Currency);
            w.WriteString("effect", t.Effect);
            w.WriteString("period", t.Period);
            w.WriteString("measuredOn", t.MeasuredOn);
            WriteSource(w, t.Fact.SourceUrl, t.Fact.Section, t.Fact.Quote);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("attribution");
        var conditional = l.Thresholds.Any(t => t.Effect == "attribution-required");
        w.WriteBoolean("required", l.Attribution?.Required ?? false);
        w.WriteBoolean("conditionalOnThreshold", conditional && l.Attribution != null);
        w.WriteString("phrase", l.Attribution?.Phrase);
        w.WriteString("where", l.Attribution?.Where);
        WriteSource(w, l.Attribution?.Fact.SourceUrl, l.Attribution?.Fact.Section, l.Attribution?.Fact.Quote);
        w.WriteEndObject();
        w.WriteStartObject("notice");
        w.WriteBoolean("required", l.Notice?.Required ?? false);
        w.WriteString("text", l.Notice?.Text);
        w.WriteString("file", l.Notice?.File);
        w.WriteEndObject();
        w.WriteString("derivativeNaming", l.DerivativeNaming?.Value);
        ComplianceManifestWriter.WriteStrings(w, "territoryExclusions", l.TerritoryExclusions.Select(t => t.Value.Code).Distinct());
        w.WriteStartArray("territoryExclusionDetails");
        foreach (var t in l.TerritoryExclusions)
        {
            w.WriteStartObject();
            w.WriteString("code", t.Value.Code);
            w.WriteString("scope", t.Value.Scope);
            WriteSource(w, t.SourceUrl, t.Section, t.Quote);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        ComplianceManifestWriter.WriteStrings(w, "domicileExclusions", l.DomicileExclusions.Select(t => t.Value.Code).Distinct());
        w.WriteStartArray("useRestrictions");
        foreach (var r in l.UseRestrictions)
        {
            w.WriteStartObject();
            ComplianceManifestWriter.WriteStrings(w, "fields", r.Value.Fields);
            w.WriteString("activity", r.Value.Activity);
            WriteSource(w, r.SourceUrl, r.Section, r.Quote);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (l.OutputsMayTrainOtherModels?.Value is bool train) w.WriteBoolean("outputsMayTrainOtherModels", train);
        else w.WriteNull("outputsMayTrainOtherModels");
        if (l.OsiApproved is bool osi) w.WriteBoolean("osiApproved", osi);
        else w.WriteNull("osiApproved");
        w.WriteString("acceptableUsePolicy", l.AcceptableUsePolicy?.Value);
        w.WriteString("governingLaw", l.GoverningLaw?.Value);
        w.WriteString("termination", l.Termination?.Value);
        if (l.DataRetention != null || l.TrainsOnCustomerInputs != null || l.ResidencyOptions != null)
        {
            w.WriteStartObject("dataUse");
            w.WriteString("retention", l.DataRetention?.Value);
            if (l.TrainsOnCustomerInputs?.Value is bool trains) w.WriteBoolean("trainsOnCustomerInputs", trains);
            else w.WriteNull("trainsOnCustomerInputs");
            w.WriteString("residencyOptions", l.ResidencyOptions?.Value);
            w.WriteEndObject();
        }
        w.WriteString("revision", l.Revision?.ToString("yyyy-MM-dd"));
        w.WriteString("retrieved", l.Retrieved?.ToString("yyyy-MM-dd"));
        w.WriteString("textSha256", l.TextSha256?.Value);
        ComplianceManifestWriter.WriteStrings(w, "modelSpecificClausesApplied", l.AppliedModelSpecific);
        ComplianceManifestWriter.WriteStrings(w, "sources", l.Sources.Values.Distinct(StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal));
        w.WriteStartArray("overrides");
        foreach (var o in l.Overrides)
        {
            w.WriteStartObject();
            w.WriteString("file", o.File.Replace('\\', '/'));
            w.WriteBoolean("added", o.Added);
            ComplianceManifestWriter.WriteStrings(w, "keys", o.Keys);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter w, string? url, string? section, string? quote)
    {
        w.WriteString("source", url);
        if (section != null) w.WriteString("section", section);
        if (quote != null) w.WriteString("quote", quote);
    }
}
