using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Manifest;

namespace LicenceGuard.Analyzers.Manifest;

/// <summary>
/// The part of the embedded catalogue one manifest needs: every model family (to classify literals) and only the
/// licences its models name or the catalogue assigns to them (to evaluate them). Parsing the whole catalogue costs
/// about three times as much, and the compiler pays whatever this costs once per process, so the analyzer's fixed cost
/// stays small. When a declared licence is not a file of the catalogue (an alias, say), every licence is loaded.
/// </summary>
internal static class AnalyzerCatalogue
{
    private const string Licences = "rules/licences/";
    private static readonly ConcurrentDictionary<string, Lazy<LicenceCatalogue>> BySet = new(StringComparer.Ordinal);
    private static readonly Lazy<string[]> ResourceNames = new(() =>
        typeof(CatalogueLoader).GetTypeInfo().Assembly.GetManifestResourceNames().OrderBy(n => n, StringComparer.Ordinal).ToArray());

    public static LicenceCatalogue For(ModelsManifest? manifest)
    {
        var families = BySet.GetOrAdd(string.Empty, _ => new Lazy<LicenceCatalogue>(() => Load(Array.Empty<string>()))).Value;
        if (manifest is null || manifest.Models.Count == 0) return families;
        var wanted = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var model in manifest.Models)
        {
            if (model.Licence != null && model.Licence.Value.Length > 0) wanted.Add(model.Licence.Value.Trim());
            foreach (var name in model.AllNames())
                if (families.Match(name) is { } match) wanted.Add(match.LicenceId);
        }
        var available = new HashSet<string>(ResourceNames.Value.Where(n => n.StartsWith(Licences, StringComparison.Ordinal))
            .Select(n => n.Substring(Licences.Length, n.Length - Licences.Length - ".yaml".Length)), StringComparer.OrdinalIgnoreCase);
        if (wanted.Any(w => !available.Contains(w))) return CatalogueLoader.LoadEmbedded();
        var key = string.Join("\u0001", wanted);
        return BySet.GetOrAdd(key, _ => new Lazy<LicenceCatalogue>(() => Load(wanted))).Value;
    }

    private static LicenceCatalogue Load(IEnumerable<string> licences)
    {
        var catalogue = CatalogueLoader.Empty();
        var wanted = new HashSet<string>(licences.Select(l => Licences + l + ".yaml"), StringComparer.OrdinalIgnoreCase);
        foreach (var name in ResourceNames.Value)
        {
            var include = name.StartsWith("rules/models/", StringComparison.Ordinal) || name == "rules/catalogue.yaml" || wanted.Contains(name);
            if (!include) continue;
            var bytes = CatalogueLoader.ReadEmbeddedFile(name);
            if (bytes != null) CatalogueLoader.AddText(catalogue, Encoding.UTF8.GetString(bytes), name, organisation: false);
        }
        return catalogue;
    }
}
