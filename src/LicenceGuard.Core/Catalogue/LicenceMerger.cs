using System.Collections.Generic;
using System.Linq;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.Catalogue;

/// <summary>Merges YAML mappings of licence facts: model-specific clauses and organisation overrides.</summary>
internal static class LicenceMerger
{
    /// <summary>
    /// The licence with each model-specific clause's facts in place of the base facts of the same key. A clause states
    /// the model's own edition of the terms (Hunyuan-Large's 2024 text excludes only the EU, not the EU, the UK and
    /// South Korea of the 2025 text), so its lists replace the base lists rather than adding to them.
    /// </summary>
    public static Licence Merge(Licence licence, IReadOnlyList<ModelSpecificTerms> clauses)
    {
        var entries = licence.Raw.Entries.Where(e => e.Key.Value != "modelSpecific").ToList();
        foreach (var clause in clauses)
        {
            foreach (var e in clause.Raw.Entries)
            {
                if (e.Key.Value == "appliesTo") continue;
                var i = entries.FindIndex(x => x.Key.Value == e.Key.Value);
                if (i >= 0) entries[i] = e;
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
