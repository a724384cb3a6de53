using System;
using System.Collections.Generic;
using System.Linq;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Reports;

namespace LicenceGuard.Core.Approval;

/// <summary>
/// What changed since the approved manifest, in the terms a person signs off on: models, licences and their texts,
/// thresholds that came within the margin, new waivers, weights, and where data goes. Cosmetic differences (order,
/// line numbers, findings that follow from the same facts) are not changes.
/// </summary>
public static class ManifestDiff
{
    public static List<ManifestChange> Compare(ComplianceDocument current, ComplianceDocument approved)
    {
        var changes = new List<ManifestChange>();
        var manifestFile = current.Manifest ?? "models.yaml";
        var before = ById(approved);

        foreach (var m in ById(current).Values)
        {
            var id = m.Id;
            var (file, line, column) = Where(m.Location, manifestFile);
            void Add(string kind, string message) => changes.Add(new ManifestChange(kind, id, message, file, line, column));

            if (!before.TryGetValue(id, out var old))
            {
                Add("model-added", $"model '{id}' is new since the approval (licence {LicenceId(current, m) ?? "unknown"}, hosted {m.HostingText})");
                continue;
            }
            var (licenceNow, licenceBefore) = (LicenceId(current, m), LicenceId(approved, old));
            if (!string.Equals(licenceNow, licenceBefore, StringComparison.Ordinal))
                Add("licence-changed", $"licence of '{id}' changed from {licenceBefore ?? "none"} to {licenceNow ?? "none"}");
            else
            {
                var (textNow, textBefore) = (current.TermsOf(m)?.TextSha256, approved.TermsOf(old)?.TextSha256);
                if (!string.Equals(textNow, textBefore, StringComparison.OrdinalIgnoreCase))
                    Add("licence-text-changed", $"licence text of '{id}' ({licenceNow}) changed: sha256 {Abbrev(textBefore)} → {Abbrev(textNow)}");
            }

            foreach (var t in m.Thresholds)
            {
                if (t.Status != ThresholdStatus.Near && t.Status != ThresholdStatus.Exceeded) continue;
                var was = old.Thresholds.FirstOrDefault(o => SameThreshold(o, t))?.Status;
                if (was == t.Status || (was == ThresholdStatus.Exceeded && t.Status == ThresholdStatus.Near)) continue;
                var headroom = t.HeadroomPercent is double h ? Numbers.Percent(h) : "unknown";
                var status = Spelling.Of(t.Status);
                var wasText = was is { } w ? Spelling.Of(w) : "not recorded";
                Add("threshold-near", $"'{id}': {t.Metric} threshold of {Numbers.Short((double)t.Value)}{Currency(t.Currency)} is now {status} (headroom {headroom}; was {wasText})");
            }

            var weightsBefore = old.Weights.GroupBy(w => w.Path).ToDictionary(g => g.Key, g => g.First().Sha256, StringComparer.Ordinal);
            foreach (var w in m.Weights)
            {
                if (!weightsBefore.TryGetValue(w.Path, out var shaBefore))
                    Add("weights-changed", $"'{id}': weights file {w.Path} is new since the approval (sha256 {Abbrev(w.Sha256)})");
                else if (!string.Equals(w.Sha256, shaBefore, StringComparison.OrdinalIgnoreCase))
                    Add("weights-changed", $"'{id}': weights {w.Path} changed: sha256 {Abbrev(shaBefore)} → {Abbrev(w.Sha256)}");
            }

            var (dataNow, dataBefore) = (string.Join(", ", m.Receives), string.Join(", ", old.Receives));
            if (m.HostingText != old.HostingText || dataNow != dataBefore)
                Add("hosting-changed", $"'{id}': data perimeter changed: receives [{dataBefore}] hosted {old.HostingText} → receives [{dataNow}] hosted {m.HostingText}");
        }

        var now = ById(current);
        foreach (var pair in before.Where(p => !now.ContainsKey(p.Key)))
            changes.Add(new ManifestChange("model-removed", pair.Key, $"model '{pair.Key}' was approved but is no longer declared", manifestFile, 0, 0));

        var approvedWaivers = new HashSet<string>(approved.Waivers.Select(WaiverKey), StringComparer.Ordinal);
        foreach (var w in current.Waivers.Where(w => !approvedWaivers.Contains(WaiverKey(w))))
        {
            var (file, line, column) = Where(w.Location, manifestFile);
            changes.Add(new ManifestChange("waiver-added", w.Model,
                $"waiver of {w.Rule}{(w.Model is string model ? " for '" + model + "'" : string.Empty)} added since the approval: approved by {w.Approver} until {w.Expires}: {w.Reason}",
                file, line, column));
        }
        CompareOverrides(current, approved, manifestFile, changes);
        changes.AddRange(CompareCodeUse(current, approved));
        return changes;
    }

    /// <summary>
    /// Where the code uses each declared model, by file, when both manifests recorded it (the gate's manifest, written
    /// before the compiler, did not): a model now used in a file it was not approved in, or no longer used in one.
    /// Moving a call within a file is not a change. A new use is located at the code that makes it.
    /// </summary>
    public static List<ManifestChange> CompareCodeUse(ComplianceDocument current, ComplianceDocument approved)
    {
        var changes = new List<ManifestChange>();
        if (!current.CodeLocationsRecorded || !approved.CodeLocationsRecorded) return changes;
        var manifestFile = current.Manifest ?? "models.yaml";
        var before = ById(approved);
        foreach (var m in ById(current).Values)
        {
            // A model new since the approval is one change (model-added), not one more per file that uses it.
            if (!before.TryGetValue(m.Id, out var old)) continue;
            var filesBefore = new HashSet<string>(Files(old), StringComparer.Ordinal);
            foreach (var group in m.CodeLocations.GroupBy(l => l.File).Where(g => g.Key.Length > 0 && !filesBefore.Contains(g.Key)))
            {
                var first = group.First();
                changes.Add(new ManifestChange("code-use-added", m.Id, $"model '{m.Id}' is now used in {group.Key}, where it was not when approved", group.Key, first.Line, first.Column));
            }
            var filesNow = new HashSet<string>(Files(m), StringComparer.Ordinal);
            var (file, line, column) = Where(m.Location, manifestFile);
            foreach (var gone in filesBefore.Where(f => !filesNow.Contains(f)).OrderBy(f => f, StringComparer.Ordinal))
                changes.Add(new ManifestChange("code-use-removed", m.Id, $"model '{m.Id}' is no longer used in {gone}, where it was when approved", file, line, column));
        }
        return changes;
    }

    private static IEnumerable<string> Files(ModelRecord model) =>
        model.CodeLocations.Select(l => l.File).Where(f => !string.IsNullOrEmpty(f)).Distinct(StringComparer.Ordinal);

    /// <summary>An organisation override of a catalogue fact that is new, changed or gone since the approval.</summary>
    private static void CompareOverrides(ComplianceDocument current, ComplianceDocument approved, string manifestFile, List<ManifestChange> changes)
    {
        static string Fact(FactOverrideRecord o) => o.Licence + "|" + o.Key;
        static string Decision(FactOverrideRecord o) => o.OrganisationSha256 + "|" + o.Approver + "|" + o.Relaxes;
        var before = new Dictionary<string, FactOverrideRecord>(StringComparer.Ordinal);
        foreach (var o in approved.Catalogue.FactOverrides) before[Fact(o)] = o;
        var now = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in current.Catalogue.FactOverrides)
        {
            now.Add(Fact(o));
            if (before.TryGetValue(Fact(o), out var old) && Decision(old) == Decision(o)) continue;
            var (file, line, column) = Where(o.Location, manifestFile);
            var was = old != null ? $"was {old.Organisation}" : "not overridden in the approved manifest";
            changes.Add(new ManifestChange("override-changed", null,
                $"organisation catalogue sets {o.Key} of licence '{o.Licence}' to {o.Organisation} ({was}; embedded catalogue: {o.Embedded}){(o.Relaxes ? ", relaxing a restriction" : string.Empty)}",
                file, line, column));
        }
        foreach (var pair in before.Where(p => !now.Contains(p.Key)))
            changes.Add(new ManifestChange("override-removed", null,
                $"organisation catalogue no longer overrides {pair.Value.Key} of licence '{pair.Value.Licence}' (approved as {pair.Value.Organisation})", manifestFile, 0, 0));
    }

    private static Dictionary<string, ModelRecord> ById(ComplianceDocument manifest)
    {
        var result = new Dictionary<string, ModelRecord>(StringComparer.Ordinal);
        foreach (var m in manifest.Models)
            if (!result.ContainsKey(m.Id)) result[m.Id] = m;
        return result;
    }

    private static (string File, int Line, int Column) Where(FileLocation location, string fallbackFile) =>
        (location.File ?? fallbackFile, location.Line, location.Column);

    internal static string? LicenceId(ComplianceDocument document, ModelRecord m) => document.TermsOf(m)?.Id ?? m.DeclaredLicence;

    private static bool SameThreshold(ThresholdRecord a, ThresholdRecord b) => a.Metric == b.Metric && a.Value == b.Value && a.Currency == b.Currency;

    private static string WaiverKey(WaiverRecord w) => w.Rule + "|" + w.Model + "|" + w.Approver + "|" + w.Expires + "|" + w.Reason;

    private static string Currency(string? currency) => currency is null ? string.Empty : " " + currency;

    private static string Abbrev(string? sha) => sha is null ? "none" : sha.Length > 12 ? sha.Substring(0, 12) + "…" : sha;
}
