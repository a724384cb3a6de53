using System;
using System.Collections.Generic;
using System.Linq;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Manifest;

namespace LicenceGuard.Core.Policy;

/// <summary>
/// Marks findings covered by a live waiver as waived (they stay in the output with reason, approver and expiry).
/// An expired waiver covers nothing and is itself an error; a waiver that covers nothing is a warning.
/// </summary>
internal static class WaiverApplier
{
    public static void Apply(ModelsManifest manifest, EvaluationResult result, PolicyOptions options)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in manifest.Models)
            foreach (var n in m.AllNames())
                if (!names.ContainsKey(n)) names[n] = m.Id.Value;

        var added = new List<Finding>();
        // Indexed by rule so that many waivers over many findings stay linear.
        var byRule = result.Findings.ToLookup(f => f.Id, StringComparer.Ordinal);
        // Waivers of the dependency audit (LG11xx, or naming a package) are applied by DependencyEvaluator.
        foreach (var waiver in manifest.Waivers.Where(w => !Dependencies.DependencyEvaluator.IsDependencyWaiver(w)))
        {
            string? modelId = null;
            if (waiver.Model != null && !names.TryGetValue(waiver.Model.Value, out modelId))
            {
                added.Add(Finding.Create(DiagnosticIds.WaiverUnused, $"waiver for {waiver.Rule.Value} names model '{waiver.Model.Value}', which models.yaml does not declare", waiver.Model.Location));
                continue;
            }
            var covered = byRule[waiver.Rule.Value].Where(f => !f.IsWaived && (modelId is null || f.ModelId == modelId)).ToList();
            if (waiver.Expires < options.Today)
            {
                var what = covered.Count == 0 ? "it covers nothing now" : $"{covered.Count} finding(s) are no longer waived";
                added.Add(Finding.Create(DiagnosticIds.WaiverExpired,
                    $"waiver of {waiver.Rule.Value}{(waiver.Model is null ? string.Empty : " for '" + waiver.Model.Value + "'")} approved by {waiver.Approver} expired on {waiver.Expires:yyyy-MM-dd}; {what}",
                    waiver.ExpiresLocation, modelId, new[] { new KeyValuePair<string, string>("expires", waiver.Expires.ToString("yyyy-MM-dd")), new KeyValuePair<string, string>("reason", waiver.Reason) }));
                continue;
            }
            if (covered.Count == 0)
            {
                added.Add(Finding.Create(DiagnosticIds.WaiverUnused,
                    $"waiver of {waiver.Rule.Value}{(waiver.Model is null ? string.Empty : " for '" + waiver.Model.Value + "'")} matches no finding: remove it", waiver.Location, modelId));
                continue;
            }
            foreach (var f in covered) f.WaivedBy = waiver;
        }
        result.Findings.AddRange(added);
    }
}
