using System.Collections.Generic;
using System.Linq;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.Catalogue;

/// <summary>Merges YAML mappings of licence facts: model-specific clauses and organisation overrides.</summary>
internal static class LicenceMerger
{
    /// <summary>Keys whose lists add to the base list instead of replacing it when a model-specific clause applies.</summary>
    private static readonly HashSet<string> Additive = new() { "thresholds", "territoryExclusions", "domicileExclusions" };

    public static Licence Merge(Licence licence, IReadOnlyList<ModelSpecificTerms> clauses)
    {
        var entries = licence.Raw.Entries.Where(e => e.Key.Value != "modelSpecific").ToList();
        foreach (var clause in clauses)
        {
            foreach (var e in clause.Raw.Entries)
            {
                if (e.Key.Value == "appliesTo") continue;
                var i = entries.FindIndex(x => x.Key.Value == e.Key.Value);
                if (i >= 0 && Additive.Contains(e.Key.Value) && entries[i].Value is YSequence baseList && e.Value is YSequence add)
                {
                    entries[i] = new KeyValuePair<YScalar, YNode>(e.Key, new YSequence(baseList.Location, baseList.Items.Concat(add.Items).ToList()));
                }
                else if (i >= 0) entries[i] = e;
                else entries.Add(e);
            }
        }
        var merged = new YMapping(licence.Raw.Location, entries);
        var effective = new LicenceParser(new NodeReader((_, _) => { })).Parse(merged, licence.File) ?? licence;
        foreach (var kv in licence.Sources) if (!effective.Sources.ContainsKey(kv.Key)) effective.Sources[kv.Key] = kv.Value;
        effective.Overrides.AddRange(licence.Overrides);
        effective.AppliedModelSpecific.AddRange(clauses.Select(c => string.Join(", ", c.AppliesTo)));
        return effective;
    }

    /// <summary>An organisation file replaces the top-level facts it names.</summary>
    public static YMapping Override(YMapping baseMap, YMapping overrideMap, out List<string> keys)
    {
        keys = new List<string>();
        var entries = baseMap.Entries.ToList();
        foreach (var e in overrideMap.Entries)
        {
            if (e.Key.Value == "id") continue;
            keys.Add(e.Key.Value);
            var i = entries.FindIndex(x => x.Key.Value == e.Key.Value);
            if (i >= 0 && e.Key.Value == "sources" && entries[i].Value is YMapping bs && e.Value is YMapping os)
                entries[i] = new KeyValuePair<YScalar, YNode>(e.Key, new YMapping(bs.Location, bs.Entries.Where(b => os[b.Key.Value] is null).Concat(os.Entries).ToList()));
            else if (i >= 0) entries[i] = e;
            else entries.Add(e);
        }
        return new YMapping(baseMap.Location, entries);
    }
}
