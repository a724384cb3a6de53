using System.Linq;
using System.Text;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Text;

namespace LicenceGuard.Cli;

/// <summary>The terms of a licence in plain sentences, each with where to check it.</summary>
internal static class LicenceExplainer
{
    public static string Explain(Licence l, ModelMatch? match)
    {
        var sb = new StringBuilder();
        if (match != null) sb.AppendLine($"{match.ModelId} — {match.Family.Name} by {match.Family.Maker} ({match.Family.Kind})");
        sb.AppendLine($"Licence: {l.Name} [{l.Id}], {l.Openness}{(l.OsiApproved == true ? ", OSI-approved" : string.Empty)}");
        if (match?.Family.CodeLicence is { } code) sb.AppendLine($"Note: the repository's code is under {code}; the weights' licence above is what counts.");
        sb.AppendLine($"Commercial use: {l.CommercialUse?.Value ?? "unknown"}{Src(l.CommercialUse?.SourceUrl, l.CommercialUse?.Quote)}");
        foreach (var t in l.Thresholds)
            sb.AppendLine($"Threshold: {t.Metric} over {t.Value:#,0}{(t.Currency is null ? string.Empty : " " + t.Currency)}{(t.Period is null ? string.Empty : " (" + t.Period + ")")} → {t.Effect}{Src(t.Fact.SourceUrl, t.Fact.Quote)}");
        if (l.Attribution is { } a && (a.Required || l.Thresholds.Any(t => t.Effect == "attribution-required")))
            sb.AppendLine($"Attribution: \"{a.Phrase}\" {a.Where}{(l.Thresholds.Any(t => t.Effect == "attribution-required") ? " (only above the thresholds)" : string.Empty)}{Src(a.Fact.SourceUrl, null)}");
        if (l.Notice is { Required: true } n) sb.AppendLine($"Notice: {n.Text}{(n.File is null ? string.Empty : " (in a " + n.File + " file)")}");
        if (l.DerivativeNaming?.Value is { } naming) sb.AppendLine($"Derivative naming: {naming}");
        foreach (var t in l.TerritoryExclusions) sb.AppendLine($"Territory excluded: {t.Value.Code} ({t.Value.Scope}){Src(t.SourceUrl, t.Quote)}");
        foreach (var t in l.DomicileExclusions) sb.AppendLine($"Licensees domiciled in {t.Value.Code} get no rights{Src(t.SourceUrl, t.Quote)}");
        foreach (var r in l.UseRestrictions)
            sb.AppendLine($"Use restriction ({string.Join(", ", r.Value.Fields)}): {r.Value.Activity ?? "the whole field"}{Src(r.SourceUrl, r.Quote)}");
        if (l.UseRestrictionsPassThrough is { Value: true } passOn) sb.AppendLine($"Use restrictions must be passed on in the product's terms{Src(passOn.SourceUrl, passOn.Quote)}");
        if (l.AppliedModelSpecific.Count > 0) sb.AppendLine($"Model-specific clauses applied: {string.Join("; ", l.AppliedModelSpecific)}");
        var train = l.OutputsMayTrainOtherModels?.Value;
        sb.AppendLine($"Outputs may train other models: {(train is null ? "unknown" : train.Value ? "yes" : "no, or only with conditions")}{Src(l.OutputsMayTrainOtherModels?.SourceUrl, l.OutputsMayTrainOtherModels?.Quote)}");
        if (l.AcceptableUsePolicy?.Value is { } aup) sb.AppendLine($"Acceptable-use policy: {aup}");
        if (l.GoverningLaw?.Value is { } law) sb.AppendLine($"Governing law: {law}");
        if (l.DataRetention?.Value is { } retention) sb.AppendLine($"Data retention: {retention}");
        if (l.TrainsOnCustomerInputs?.Value is bool trains) sb.AppendLine($"Provider trains on customer inputs: {(trains ? "yes" : "no")}");
        if (l.ResidencyOptions?.Value is { } residency) sb.AppendLine($"Data-residency options: {residency}");
        sb.AppendLine($"Licence text SHA-256 (canonical): {l.TextSha256?.Value ?? "not pinned"}; revision {Dates.Day(l.Revision)}, read {Dates.Day(l.Retrieved)}");
        foreach (var s in l.Sources.Values.Distinct()) sb.AppendLine($"Source: {s}");
        return sb.ToString();
    }

    private static string Src(string? url, string? quote) =>
        (quote is null ? string.Empty : $" — \"{quote}\"") + (url is null ? string.Empty : $" [{url}]");
}
