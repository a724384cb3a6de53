using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Policy;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.Catalogue;

/// <summary>
/// Makes organisation overrides of the embedded catalogue visible and governed: every replaced fact is recorded with
/// its before and after, and judged. A change counts as a relaxation unless it is shown to keep every restriction
/// (commercial use no freer, every threshold kept at or below its value, every exclusion kept, attribution and
/// notice duties kept); a relaxation needs an approver.
/// </summary>
internal static class OverrideGovernance
{
    /// <summary>Keys that describe the licence without restricting anything.</summary>
    private static readonly HashSet<string> Descriptive = new(StringComparer.Ordinal) { "name", "retrieved" };

    private const int MaxShownLength = 300;

    public static void Record(LicenceCatalogue catalogue, Licence embedded, Licence merged, YMapping file, NodeReader r)
    {
        var changed = new List<FactOverride>();
        foreach (var entry in file.Entries)
        {
            var key = entry.Key.Value;
            // 'sources' is where the override's own evidence is named, not a fact.
            if (key == "id" || key == OverrideBlock.Key || key == "sources") continue;
            var before = Canonical(embedded.Raw[key]);
            var after = Canonical(entry.Value);
            if (before == after) continue;
            changed.Add(new FactOverride(embedded.Id, key, entry.Key.Location, Shown(before), Shown(after), Sha256(after), !Descriptive.Contains(key) && Relaxes(key, embedded, merged)));
        }
        Govern(catalogue, changed, file, $"facts of the embedded licence '{embedded.Id}'", r);
    }

    /// <summary>
    /// Organisation families whose model IDs, aliases, examples or patterns name models of the embedded catalogue under
    /// another licence: each such family is one override of those models' licence, and always a relaxation (a licence
    /// swapped for another cannot be shown to keep every restriction).
    /// </summary>
    public static void RecordFamilies(LicenceCatalogue catalogue, LicenceCatalogue embedded, IReadOnlyList<ModelFamily> families, YMapping file, NodeReader r)
    {
        var changed = new List<FactOverride>();
        foreach (var family in families)
        {
            var claimed = ClaimedEmbeddedModels(family, embedded)
                .Where(c => !string.Equals(c.Licence, family.Licence, StringComparison.OrdinalIgnoreCase))
                .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
            if (claimed.Count == 0) continue;
            var before = string.Join(", ", claimed.Select(c => $"{c.Name}: {(c.Licence.Length == 0 ? "no licence" : c.Licence)}").Distinct(StringComparer.Ordinal));
            var after = $"family {family.Id}: {(family.Licence.Length == 0 ? "no licence" : family.Licence)}";
            changed.Add(new FactOverride(family.Licence, "family " + family.Id, family.Location, Shown(before), Shown(after), Sha256(after + "\n" + before), relaxes: true));
        }
        Govern(catalogue, changed, file, "the licence of models the embedded catalogue knows", r);
    }

    private static IEnumerable<(string Name, string Licence)> ClaimedEmbeddedModels(ModelFamily family, LicenceCatalogue embedded)
    {
        var names = family.Models.SelectMany(ModelMatcher.ExactNamesOf).Concat(family.Examples);
        foreach (var name in names)
            if (embedded.Match(name) is { } match) yield return (name, match.Model?.Licence ?? match.Family.Licence);
        foreach (var other in embedded.Families)
            foreach (var model in other.Models)
                if (family.Patterns.Any(p => ModelMatcher.ExactNamesOf(model).Any(n => Glob.IsMatch(p, n))))
                    yield return (model.Id, model.Licence ?? other.Licence);
    }

    private static void Govern(LicenceCatalogue catalogue, List<FactOverride> changed, YMapping file, string overridden, NodeReader r)
    {
        if (changed.Count == 0) return;
        var block = OverrideBlock.Read(file, overridden, r);
        foreach (var o in changed)
        {
            o.By = block.By?.Value;
            o.Reason = block.Reason?.Value;
            o.Source = block.Source?.Value;
            o.Approver = block.Approver?.Value;
            catalogue.FactOverrides.Add(o);
        }
    }

    /// <summary>LG1050 for every override; LG1051 for each relaxation nobody approved.</summary>
    public static IEnumerable<Finding> Findings(LicenceCatalogue catalogue)
    {
        foreach (var o in catalogue.FactOverrides)
        {
            var subject = o.Key.StartsWith("family ", StringComparison.Ordinal) ? $"the licence of models the embedded catalogue knows ({o.Key})" : $"{o.Key} of licence '{o.LicenceId}'";
            var change = $"{subject}: embedded catalogue {o.Embedded} → organisation {o.Organisation}";
            var record = $"by {o.By ?? "(no one named)"}: {o.Reason ?? "(no reason given)"} (source: {o.Source ?? "none"})";
            var verdict = !o.Relaxes ? "keeps or tightens the restrictions" : o.Approver is null ? "relaxes a restriction, not approved" : $"relaxes a restriction, approved by {o.Approver}";
            yield return Finding.Create(DiagnosticIds.CatalogueOverride, $"organisation catalogue overrides {change}; {verdict}; {record}", o.Location, null, Facts(o));
            if (o.Relaxes && o.Approver is null)
                yield return Finding.Create(DiagnosticIds.CatalogueOverrideNotApproved,
                    $"organisation catalogue relaxes {change} without an approver: add 'approver: NAME' to the file's 'override' block, as for a waiver",
                    o.Location, null, Facts(o));
        }
    }

    private static KeyValuePair<string, string>[] Facts(FactOverride o) => new[]
    {
        new KeyValuePair<string, string>("licence", o.LicenceId),
        new KeyValuePair<string, string>("key", o.Key),
        new KeyValuePair<string, string>("relaxes", o.Relaxes ? "true" : "false"),
    };

    private static bool Relaxes(string key, Licence embedded, Licence merged) => key switch
    {
        "commercialUse" => Rank(merged.CommercialUse?.Value) < Rank(embedded.CommercialUse?.Value),
        "openness" => !string.Equals(merged.Openness, "research-non-commercial", StringComparison.Ordinal),
        "thresholds" => !embedded.Thresholds.All(t => merged.Thresholds.Any(m => KeepsThreshold(m, t))),
        "territoryExclusions" => !Keeps(embedded.TerritoryExclusions, merged.TerritoryExclusions),
        "domicileExclusions" => !Keeps(embedded.DomicileExclusions, merged.DomicileExclusions),
        "attribution" => embedded.Attribution?.Required == true && merged.Attribution?.Required != true,
        "notice" => embedded.Notice?.Required == true && merged.Notice?.Required != true,
        _ => true,
    };

    /// <summary>How much commercial use a value withholds; unknown counts as restricted, so "allowed" over nothing relaxes.</summary>
    private static int Rank(string? commercialUse) => commercialUse switch
    {
        "forbidden" => 2,
        "allowed" => 0,
        _ => 1,
    };

    private static bool KeepsThreshold(Threshold now, Threshold before) =>
        now.Metric == before.Metric && string.Equals(now.Currency, before.Currency, StringComparison.OrdinalIgnoreCase) &&
        now.Value <= before.Value && (now.RevokesRights || !before.RevokesRights);

    private static bool Keeps(List<Fact<TerritoryExclusion>> before, List<Fact<TerritoryExclusion>> now) =>
        before.All(b => now.Any(n => n.Value.Code == b.Value.Code && n.Value.Scope == b.Value.Scope));

    /// <summary>A node as one line of flow YAML: equal text, equal fact (line numbers and layout aside).</summary>
    private static string Canonical(YNode? node)
    {
        if (node is null) return "absent";
        var sb = new StringBuilder();
        Append(sb, node);
        return sb.ToString();
    }

    private static string Sha256(string text)
    {
        using var sha = System.Security.Cryptography.SHA256.Create();
        return Weights.FileHasher.ToHex(sha.ComputeHash(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Short enough for a finding and the compliance manifest.</summary>
    private static string Shown(string canonical) => canonical.Length > MaxShownLength ? canonical.Substring(0, MaxShownLength) + "…" : canonical;

    private static void Append(StringBuilder sb, YNode node)
    {
        switch (node)
        {
            case YScalar s:
                sb.Append(s.IsNull ? "null" : s.Value);
                break;
            case YSequence list:
                sb.Append('[');
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Append(sb, list.Items[i]);
                }
                sb.Append(']');
                break;
            case YMapping map:
                sb.Append('{');
                for (var i = 0; i < map.Entries.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    sb.Append(map.Entries[i].Key.Value).Append(": ");
                    Append(sb, map.Entries[i].Value);
                }
                sb.Append('}');
                break;
        }
    }
}
