using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using LicenceGuard.Core.Reports;

namespace LicenceGuard.Core.Approval;

/// <summary>
/// What changed since the approved manifest, in the terms a person signs off on: models, licences and their texts,
/// thresholds that came within the margin, new waivers, weights, and where data goes. Cosmetic differences (order,
/// line numbers, findings that follow from the same facts) are not changes.
/// </summary>
public static class ManifestDiff
{
    public static List<ManifestChange> Compare(JsonElement current, JsonElement approved)
    {
        var changes = new List<ManifestChange>();
        var manifestFile = current.Str("manifest") ?? "models.yaml";
        var before = ById(approved);
        var now = ById(current);

        foreach (var pair in now)
        {
            var id = pair.Key;
            var m = pair.Value;
            var (file, line, column) = Where(m, manifestFile);
            void Add(string kind, string message) => changes.Add(new ManifestChange(kind, id, message, file, line, column));

            if (!before.TryGetValue(id, out var old))
            {
                Add("model-added", $"model '{id}' is new since the approval (licence {LicenceId(m) ?? "unknown"}, hosted {Hosting(m)})");
                continue;
            }
            var (licenceNow, licenceBefore) = (LicenceId(m), LicenceId(old));
            if (!string.Equals(licenceNow, licenceBefore, StringComparison.Ordinal))
                Add("licence-changed", $"licence of '{id}' changed from {licenceBefore ?? "none"} to {licenceNow ?? "none"}");
            else
            {
                var (textNow, textBefore) = (m.Obj("licence").Str("textSha256"), old.Obj("licence").Str("textSha256"));
                if (!string.Equals(textNow, textBefore, StringComparison.OrdinalIgnoreCase))
                    Add("licence-text-changed", $"licence text of '{id}' ({licenceNow}) changed: sha256 {Abbrev(textBefore)} → {Abbrev(textNow)}");
            }

            foreach (var t in m.Arr("thresholds"))
            {
                var status = t.Str("status");
                if (status != "near" && status != "exceeded") continue;
                var key = ThresholdKey(t);
                var was = old.Arr("thresholds").FirstOrDefault(o => ThresholdKey(o) == key).Str("status");
                if (was == status || (was == "exceeded" && status == "near")) continue;
                var headroom = t.Num("headroomPercent") is double h ? Json.Percent(h) : "unknown";
                Add("threshold-near", $"'{id}': {t.Str("metric")} threshold of {Json.Short(t.Num("value") ?? 0)}{Currency(t)} is now {status} (headroom {headroom}; was {was ?? "not recorded"})");
            }

            var weightsBefore = old.Arr("weights").Where(w => w.Str("path") != null).GroupBy(w => w.Str("path")!).ToDictionary(g => g.Key, g => g.First().Str("sha256"), StringComparer.Ordinal);
            foreach (var w in m.Arr("weights"))
            {
                var path = w.Str("path");
                if (path is null) continue;
                var sha = w.Str("sha256");
                if (!weightsBefore.TryGetValue(path, out var shaBefore))
                    Add("weights-changed", $"'{id}': weights file {path} is new since the approval (sha256 {Abbrev(sha)})");
                else if (!string.Equals(sha, shaBefore, StringComparison.OrdinalIgnoreCase))
                    Add("weights-changed", $"'{id}': weights {path} changed: sha256 {Abbrev(shaBefore)} → {Abbrev(sha)}");
            }

            var (hostNow, hostBefore) = (Hosting(m), Hosting(old));
            var (dataNow, dataBefore) = (string.Join(", ", m.Strings("receives")), string.Join(", ", old.Strings("receives")));
            if (hostNow != hostBefore || dataNow != dataBefore)
                Add("hosting-changed", $"'{id}': data perimeter changed: receives [{dataBefore}] hosted {hostBefore} → receives [{dataNow}] hosted {hostNow}");
        }

        foreach (var pair in before.Where(p => !now.ContainsKey(p.Key)))
            changes.Add(new ManifestChange("model-removed", pair.Key, $"model '{pair.Key}' was approved but is no longer declared", manifestFile, 0, 0));

        var approvedWaivers = new HashSet<string>(approved.Arr("waivers").Select(WaiverKey), StringComparer.Ordinal);
        foreach (var w in current.Arr("waivers").Where(w => !approvedWaivers.Contains(WaiverKey(w))))
        {
            var (file, line, column) = Where(w, manifestFile);
            changes.Add(new ManifestChange("waiver-added", w.Str("model"),
                $"waiver of {w.Str("rule")}{(w.Str("model") is string model ? " for '" + model + "'" : string.Empty)} added since the approval: approved by {w.Str("approver")} until {w.Str("expires")}: {w.Str("reason")}",
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
    public static List<ManifestChange> CompareCodeUse(JsonElement current, JsonElement approved)
    {
        var changes = new List<ManifestChange>();
        if (current.Bool(Output.CodeReferences.RecordedKey) != true || approved.Bool(Output.CodeReferences.RecordedKey) != true) return changes;
        var manifestFile = current.Str("manifest") ?? "models.yaml";
        var before = ById(approved);
        foreach (var pair in ById(current))
        {
            // A model new since the approval is one change (model-added), not one more per file that uses it.
            if (!before.TryGetValue(pair.Key, out var old)) continue;
            var filesBefore = new HashSet<string>(Files(old), StringComparer.Ordinal);
            var locations = pair.Value.Arr("codeLocations").ToList();
            foreach (var group in locations.GroupBy(l => l.Str("file") ?? string.Empty).Where(g => g.Key.Length > 0 && !filesBefore.Contains(g.Key)))
            {
                var first = group.First();
                changes.Add(new ManifestChange("code-use-added", pair.Key, $"model '{pair.Key}' is now used in {group.Key}, where it was not when approved",
                    group.Key, (int)(first.Num("line") ?? 0), (int)(first.Num("column") ?? 0)));
            }
            var filesNow = new HashSet<string>(Files(pair.Value), StringComparer.Ordinal);
            var (file, line, column) = Where(pair.Value, manifestFile);
            foreach (var gone in filesBefore.Where(f => !filesNow.Contains(f)).OrderBy(f => f, StringComparer.Ordinal))
                changes.Add(new ManifestChange("code-use-removed", pair.Key, $"model '{pair.Key}' is no longer used in {gone}, where it was when approved", file, line, column));
        }
        return changes;
    }

    private static IEnumerable<string> Files(JsonElement model) =>
        model.Arr("codeLocations").Select(l => l.Str("file")).Where(f => !string.IsNullOrEmpty(f)).Select(f => f!).Distinct(StringComparer.Ordinal);

    /// <summary>An organisation override of a catalogue fact that is new, changed or gone since the approval.</summary>
    private static void CompareOverrides(JsonElement current, JsonElement approved, string manifestFile, List<ManifestChange> changes)
    {
        static IEnumerable<JsonElement> Overrides(JsonElement m) => m.Obj("catalogue").Arr("factOverrides");
        static string Fact(JsonElement o) => o.Str("licence") + "|" + o.Str("key");
        static string Decision(JsonElement o) => o.Str("organisationSha256") + "|" + o.Str("approver") + "|" + o.Bool("relaxes");
        var before = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var o in Overrides(approved)) before[Fact(o)] = o;
        var now = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in Overrides(current))
        {
            now.Add(Fact(o));
            if (before.TryGetValue(Fact(o), out var old) && Decision(old) == Decision(o)) continue;
            var (file, line, column) = Where(o, manifestFile);
            var was = before.ContainsKey(Fact(o)) ? $"was {before[Fact(o)].Str("organisation")}" : "not overridden in the approved manifest";
            changes.Add(new ManifestChange("override-changed", null,
                $"organisation catalogue sets {o.Str("key")} of licence '{o.Str("licence")}' to {o.Str("organisation")} ({was}; embedded catalogue: {o.Str("embedded")}){(o.Bool("relaxes") == true ? ", relaxing a restriction" : string.Empty)}",
                file, line, column));
        }
        foreach (var pair in before.Where(p => !now.Contains(p.Key)))
            changes.Add(new ManifestChange("override-removed", null,
                $"organisation catalogue no longer overrides {pair.Value.Str("key")} of licence '{pair.Value.Str("licence")}' (approved as {pair.Value.Str("organisation")})", manifestFile, 0, 0));
    }

    private static Dictionary<string, JsonElement> ById(JsonElement manifest)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var m in manifest.Arr("models"))
            if (m.Str("id") is string id && !result.ContainsKey(id)) result[id] = m;
        return result;
    }

    private static (string File, int Line, int Column) Where(JsonElement e, string fallbackFile)
    {
        var loc = e.Obj("location");
        return (loc.Str("file") ?? fallbackFile, (int)(loc.Num("line") ?? 0), (int)(loc.Num("column") ?? 0));
    }

    internal static string? LicenceId(JsonElement m) => m.Obj("licence").Str("id") ?? m.Str("declaredLicence");

    internal static string Hosting(JsonElement m)
    {
        var h = m.Obj("hosting");
        var mode = h.Str("mode") ?? "unknown";
        return h.Str("region") is string region ? mode + ":" + region : mode;
    }

    private static string ThresholdKey(JsonElement t) => t.Str("metric") + "|" + t.Str("value") + "|" + t.Str("currency");

    private static string WaiverKey(JsonElement w) => w.Str("rule") + "|" + w.Str("model") + "|" + w.Str("approver") + "|" + w.Str("expires") + "|" + w.Str("reason");

    private static string Currency(JsonElement t) => t.Str("currency") is string c ? " " + c : string.Empty;

    private static string Abbrev(string? sha) => sha is null ? "none" : sha.Length > 12 ? sha.Substring(0, 12) + "…" : sha;
}
