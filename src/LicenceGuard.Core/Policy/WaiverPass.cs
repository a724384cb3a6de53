using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Manifest;

namespace LicenceGuard.Core.Policy;

/// <summary>
/// The one waiver pass: run once over every finding of a run, after the last of them is known, so that a waiver covers
/// a finding whichever check produced it. A live waiver marks the findings it matches as waived (they stay in the
/// output with reason, approver and expiry); an expired one covers nothing and is an error (LG1014); one that covers
/// nothing, names an undeclared model or names a rule that cannot be waived is a warning (LG1015). The compliance
/// run applies the model policy's waivers, the dependency audit (a separate build step with its own findings) the
/// waivers for its rules: <see cref="IsDependencyWaiver"/> splits them, so each waiver is judged in exactly one pass.
/// </summary>
public static class WaiverPass
{
    /// <summary>
    /// Rules a waiver cannot cover, and why. Each has its own way to be accepted; a waiver would hide the control
    /// itself. Approval drift in particular: a new waiver is a change the approval reviews (waiver-added), so a
    /// waiver of LG1201 would silence the very finding that shows it.
    /// </summary>
    private static readonly Dictionary<string, string> NotWaivable = new(StringComparer.Ordinal)
    {
        [DiagnosticIds.ManifestUnreadable] = "a models.yaml that cannot be read has no waivers",
        [DiagnosticIds.WaiverExpired] = "renew the expired waiver (a new approver and date) or remove it",
        [DiagnosticIds.WaiverUnused] = "remove the waiver that matches nothing",
        [DiagnosticIds.CatalogueOverride] = "an organisation override is shown for as long as the file overrides the fact",
        [DiagnosticIds.CatalogueOverrideNotApproved] = "the approval of a relaxed catalogue fact belongs in the override file, next to the change",
        [DiagnosticIds.InputOverLimit] = "a result that is cut short must not pass",
        [DiagnosticIds.DriftFromApproved] = "a change since the approval is accepted by approving again (licenceguard approve --by NAME), and a waiver is itself a change the approval reviews; LicenceGuardDriftSeverity sets how drift is reported",
        [DiagnosticIds.LockUnreadable] = "repair or delete the lock, or set LicenceGuardDriftSeverity to none",
    };

    /// <summary>True for a waiver that belongs to the dependency audit (an LG11xx rule, or one naming a package).</summary>
    public static bool IsDependencyWaiver(Waiver waiver) =>
        waiver.Package != null || waiver.Rule.Value.StartsWith("LG11", StringComparison.OrdinalIgnoreCase);

    public static bool CanBeWaived(string rule) => !NotWaivable.ContainsKey(rule);

    /// <summary>
    /// The compliance run's pass: the manifest's waivers other than the dependency audit's, over every finding of the
    /// evaluation. The findings it adds join their model's list too, so model verdicts and reports see them.
    /// </summary>
    public static void Apply(EvaluationResult result)
    {
        if (result.Manifest is null) return;
        var before = result.Findings.Count;
        Apply(result.Manifest.Waivers.Where(w => !IsDependencyWaiver(w)), result.Findings, result.Options.Today, DeclaredNames(result.Manifest));
        var added = result.Findings.Skip(before).Where(f => f.ModelId != null).ToLookup(f => f.ModelId!, StringComparer.Ordinal);
        result.Findings.Sort(FindingOrder.Instance);
        // A model declared twice (LG1019) is two evaluations with one ID: each gets the finding, as from the policy.
        foreach (var model in result.Models.Where(m => added.Contains(m.Entry.Id.Value)))
        {
            model.Findings.AddRange(added[model.Entry.Id.Value]);
            model.Findings.Sort(FindingOrder.Instance);
        }
    }

    /// <summary>
    /// Judges each waiver against <paramref name="findings"/>: a finding is covered by the first live waiver, in
    /// declaration order, that matches it. Expired waivers are judged after the live ones, so that the findings an
    /// expired waiver says are no longer waived are those no renewed waiver covers. The LG1014 and LG1015 findings are
    /// appended to <paramref name="findings"/>; they are never covered themselves.
    /// </summary>
    /// <param name="declared">Every declared model name (ID and aliases, any case) with the model's ID.</param>
    public static List<KeyValuePair<Waiver, int>> Apply(IEnumerable<Waiver> waivers, List<Finding> findings, DateTime today,
        IReadOnlyDictionary<string, string> declared)
    {
        var added = new List<Finding>();
        var outcome = new List<KeyValuePair<Waiver, int>>();
        // Indexed by rule so that many waivers over many findings stay linear.
        var byRule = findings.ToLookup(f => f.Id, StringComparer.Ordinal);
        foreach (var waiver in waivers.OrderBy(w => w.Expires < today))
        {
            var covered = Judge(waiver, byRule, today, declared, added);
            foreach (var f in covered) f.WaivedBy = waiver;
            outcome.Add(new KeyValuePair<Waiver, int>(waiver, covered.Count));
        }
        findings.AddRange(added);
        return outcome;
    }

    /// <summary>ID and aliases of every declared model, any case, with the model's ID.</summary>
    public static Dictionary<string, string> DeclaredNames(ModelsManifest? manifest)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in manifest?.Models ?? Enumerable.Empty<ModelEntry>())
            foreach (var n in m.AllNames())
                if (!names.ContainsKey(n)) names[n] = m.Id.Value;
        return names;
    }

    /// <summary>The findings one waiver covers; none, with the finding that says why, when it covers nothing.</summary>
    private static List<Finding> Judge(Waiver waiver, ILookup<string, Finding> byRule, DateTime today, IReadOnlyDictionary<string, string> declared, List<Finding> added)
    {
        var none = new List<Finding>();
        var subject = waiver.Rule.Value
            + (waiver.Model is null ? string.Empty : " for '" + waiver.Model.Value + "'")
            + (waiver.Package is null ? string.Empty : " for package '" + waiver.Package.Value + "'");
        if (NotWaivable.TryGetValue(waiver.Rule.Value, out var why))
        {
            added.Add(Finding.Create(DiagnosticIds.WaiverUnused, $"waiver of {subject}: {waiver.Rule.Value} cannot be waived ({why}): remove the waiver", waiver.Rule.Location));
            return none;
        }
        string? modelId = null;
        if (waiver.Model != null && !declared.TryGetValue(waiver.Model.Value, out modelId))
        {
            added.Add(Finding.Create(DiagnosticIds.WaiverUnused, $"waiver for {waiver.Rule.Value} names model '{waiver.Model.Value}', which models.yaml does not declare", waiver.Model.Location));
            return none;
        }
        var covered = byRule[waiver.Rule.Value]
            .Where(f => !f.IsWaived && (modelId is null || f.ModelId == modelId)
                && (waiver.Package is null || Glob.IsMatch(waiver.Package.Value, PackageOf(f))))
            .ToList();
        if (waiver.Expires < today)
        {
            var what = covered.Count == 0 ? "it covers nothing now" : $"{covered.Count} finding(s) are no longer waived";
            added.Add(Finding.Create(DiagnosticIds.WaiverExpired,
                $"waiver of {subject} approved by {waiver.Approver} expired on {Day(waiver.Expires)}; {what}",
                waiver.ExpiresLocation, modelId, new[] { new KeyValuePair<string, string>("expires", Day(waiver.Expires)), new KeyValuePair<string, string>("reason", waiver.Reason) }));
            return none;
        }
        if (covered.Count == 0)
            added.Add(Finding.Create(DiagnosticIds.WaiverUnused, $"waiver of {subject} matches no finding: remove it", waiver.Location, modelId));
        return covered;
    }

    /// <summary>The date as models.yaml writes it, whatever the machine's culture and calendar.</summary>
    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The package a dependency finding is about (its <c>package</c> fact); empty for every other finding.</summary>
    private static string PackageOf(Finding f) => f.Facts.FirstOrDefault(x => x.Key == "package").Value ?? string.Empty;
}
