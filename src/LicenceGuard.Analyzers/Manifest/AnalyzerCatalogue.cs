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
        var declared = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var model in manifest?.Models ?? new List<ModelEntry>())
            if (model.Licence != null && model.Licence.Value.Trim().Length > 0) declared.Add(model.Licence.Value.Trim());
        if (declared.Any(d => !Available.Value.Contains(d))) return CatalogueLoader.LoadEmbedded();
        var key = string.Join("\u0001", declared);
        return BySet.GetOrAdd(key, _ => new Lazy<LicenceCatalogue>(() => Build(manifest, declared))).Value;
    }

    /// <summary>
    /// Families plus the declared licences, then the licences the catalogue assigns to the declared models (so that a
    /// declared licence that differs from the catalogue's is still noticed). The catalogue is private to this factory
    /// until it returns, so adding to it here is safe.
    /// </summary>
    private static LicenceCatalogue Build(ModelsManifest? manifest, IEnumerable<string> declared)
    {
        var catalogue = Load(declared);
        if (manifest is null) return catalogue;
        var missing = manifest.Models.SelectMany(m => m.AllNames()).Select(n => catalogue.Match(n)?.LicenceId)
            .Where(id => id != null && catalogue.FindLicence(id) is null).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var id in missing)
        {
            if (!Available.Value.Contains(id!)) return CatalogueLoader.LoadEmbedded();
            var bytes = CatalogueLoader.ReadEmbeddedFile(Licences + id + ".yaml");
            if (bytes != null) CatalogueLoader.AddText(catalogue, Encoding.UTF8.GetString(bytes), Licences + id + ".yaml", organisation: false);
        }
        return catalogue;
    }

    private static readonly Lazy<HashSet<string>> Available = new(() => new HashSet<string>(
        ResourceNames.Value.Where(n => n.StartsWith(Licences, StringComparison.Ordinal))
            .Select(n => n.Substring(Licences.Length, n.Length - Licences.Length - ".yaml".Length)), StringComparer.OrdinalIgnoreCase));

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
