using System.Collections.Generic;
using System.Text.Json;

namespace LicenceGuard.Core.Document;

/// <summary>
/// What a document must hold for its readers: JSON that parses can still say <c>"models": null</c> (a hand-edited or
/// half-merged lock). Such a document is refused here, naming the member, instead of failing inside a report.
/// </summary>
internal static class DocumentShape
{
    public static void Check(ComplianceDocument d)
    {
        Require(d.Catalogue, "catalogue");
        List(d.Catalogue.Overrides, "catalogue.overrides");
        for (var i = 0; i < d.Catalogue.Overrides.Count; i++) List(d.Catalogue.Overrides[i].Keys, $"catalogue.overrides[{i}].keys");
        List(d.Catalogue.FactOverrides, "catalogue.factOverrides");
        for (var i = 0; i < d.Catalogue.FactOverrides.Count; i++) Require(d.Catalogue.FactOverrides[i].Location, $"catalogue.factOverrides[{i}].location");
        if (d.Organisation is { } org)
        {
            List(org.Territories, "organisation.territories");
            List(org.FieldsOfUse, "organisation.fieldsOfUse");
            Require(org.Perimeter, "organisation.perimeter");
            List(org.Perimeter.MustStayInside, "organisation.perimeter.mustStayInside");
            List(org.Perimeter.Inside, "organisation.perimeter.inside");
        }
        Require(d.Summary, "summary");
        Require(d.Licences, "licences");
        List(d.Models, "models");
        List(d.Waivers, "waivers");
        Findings(d.Findings, "findings");
        foreach (var pair in d.Licences) Terms(pair.Value, $"licences['{pair.Key}']");
        for (var i = 0; i < d.Models.Count; i++)
        {
            var m = d.Models[i];
            var at = $"models[{i}]";
            if (string.IsNullOrEmpty(m.Id)) throw new JsonException($"{at} has no id");
            Require(m.Location, at + ".location");
            Require(m.Hosting, at + ".hosting");
            Require(m.Perimeter, at + ".perimeter");
            List(m.Perimeter.DataClassesOutside, at + ".perimeter.dataClassesOutside");
            if (m.CatalogueMatch?.Modality is { } modality) List(modality, at + ".catalogueMatch.modality");
            List(m.Aliases, at + ".aliases");
            List(m.Receives, at + ".receives");
            List(m.Thresholds, at + ".thresholds");
            List(m.Duties, at + ".duties");
            List(m.Weights, at + ".weights");
            List(m.Evaluations, at + ".evaluations");
            List(m.CodeLocations, at + ".codeLocations");
            for (var j = 0; j < m.CodeLocations.Count; j++) Require(m.CodeLocations[j].File, $"{at}.codeLocations[{j}].file");
            for (var j = 0; j < m.Weights.Count; j++) Require(m.Weights[j].Path, $"{at}.weights[{j}].path");
            if (m.Licence != null && !d.Licences.ContainsKey(m.Licence)) throw new JsonException($"{at}.licence '{m.Licence}' is not in 'licences'");
        }
        for (var i = 0; i < d.Waivers.Count; i++) Require(d.Waivers[i].Location, $"waivers[{i}].location");
    }

    private static void Terms(LicenceTerms t, string at)
    {
        Require(t, at);
        Require(t.Attribution, at + ".attribution");
        Require(t.Notice, at + ".notice");
        List(t.Aliases, at + ".aliases");
        List(t.Thresholds, at + ".thresholds");
        List(t.TerritoryExclusions, at + ".territoryExclusions");
        List(t.TerritoryExclusionDetails, at + ".territoryExclusionDetails");
        List(t.DomicileExclusions, at + ".domicileExclusions");
        List(t.UseRestrictions, at + ".useRestrictions");
        for (var i = 0; i < t.UseRestrictions.Count; i++) List(t.UseRestrictions[i].Fields, $"{at}.useRestrictions[{i}].fields");
        List(t.ModelSpecificClausesApplied, at + ".modelSpecificClausesApplied");
        List(t.Sources, at + ".sources");
        List(t.Overrides, at + ".overrides");
        for (var i = 0; i < t.Overrides.Count; i++) List(t.Overrides[i].Keys, $"{at}.overrides[{i}].keys");
    }

    private static void Findings(List<FindingRecord> findings, string at)
    {
        List(findings, at);
        for (var i = 0; i < findings.Count; i++)
        {
            Require(findings[i].Location, $"{at}[{i}].location");
            Require(findings[i].Facts, $"{at}[{i}].facts");
        }
    }

    private static void List<T>(List<T>? list, string at) where T : class?
    {
        Require(list, at);
        for (var i = 0; i < list!.Count; i++) Require(list[i], $"{at}[{i}]");
    }

    private static void Require(object? value, string at)
    {
        if (value is null) throw new JsonException($"{at} is null");
    }
}
