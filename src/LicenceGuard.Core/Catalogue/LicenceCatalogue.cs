using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using LicenceGuard.Core.Policy;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.Catalogue;

/// <summary>The licence catalogue: licences, model families, GPUs, with the date it was last reviewed.</summary>
public sealed class LicenceCatalogue
{
    private readonly Dictionary<string, Licence> _byIdOrAlias = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Gpu> _gpus = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Licence> _effective = new(StringComparer.Ordinal);
    private ModelMatcher? _matcher;
    private ModelFamily[]? _familiesById;

    internal LicenceCatalogue() { }

    public DateTime? Date { get; internal set; }
    public string Version { get; internal set; } = string.Empty;
    public SortedDictionary<string, Licence> Licences { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<ModelFamily> Families { get; } = new();
    public List<Gpu> Gpus { get; } = new();
    /// <summary>Problems found while loading (organisation files especially), located in their files.</summary>
    public List<Finding> Findings { get; } = new();
    /// <summary>Facts of the embedded catalogue that organisation files replaced, in the order they were read.</summary>
    public List<FactOverride> FactOverrides { get; } = new();
    /// <summary>The organisation's catalogue files that were read (full paths): inputs of the incremental build.</summary>
    public List<string> OrganisationFiles { get; } = new();
    /// <summary>Files that were read, embedded or organisation's.</summary>
    public List<string> Files { get; } = new();

    // Provider families answer only for their providers (see MatchFromProvider), so the ID-only matcher leaves them out.
    public ModelMatcher Matcher => _matcher ??= new ModelMatcher(Families.Where(f => f.Providers.Count == 0));

    internal void Index()
    {
        _byIdOrAlias.Clear();
        _effective.Clear();
        foreach (var l in Licences.Values)
            foreach (var alias in l.Aliases)
                if (!_byIdOrAlias.ContainsKey(alias)) _byIdOrAlias[alias] = l;
        foreach (var l in Licences.Values) _byIdOrAlias[l.Id] = l;
        _gpus.Clear();
        foreach (var g in Gpus)
        {
            foreach (var alias in g.Aliases) _gpus[Normalise(alias)] = g;
        }
        foreach (var g in Gpus) _gpus[Normalise(g.Id)] = g;
        _matcher = null;
        _familiesById = null;
    }

    public Licence? FindLicence(string idOrAlias) =>
        _byIdOrAlias.TryGetValue(idOrAlias.Trim(), out var l) ? l : null;

    public Gpu? FindGpu(string idOrAlias)
    {
        var key = Normalise(idOrAlias);
        if (_gpus.TryGetValue(key, out var g)) return g;
        return key.StartsWith("nvidia", StringComparison.Ordinal) && _gpus.TryGetValue(key.Substring(6), out g) ? g : null;
    }

    public ModelMatch? Match(string modelId) => Matcher.Match(modelId);

    /// <summary>
    /// The family whose terms govern a model served by <paramref name="provider"/> (Azure OpenAI's terms for
    /// <c>gpt-4o</c> with <c>provider: azure</c>), or null when the catalogue records no provider-specific terms.
    /// </summary>
    public ModelMatch? MatchFromProvider(string modelId, string provider)
    {
        var key = provider.Trim().ToLowerInvariant();
        foreach (var family in Families.Where(f => f.Providers.Contains(key)).OrderBy(f => f.Id, StringComparer.Ordinal))
        {
            var pattern = family.Patterns.Where(p => Glob.IsMatch(p, modelId.Trim())).OrderByDescending(Glob.Specificity).FirstOrDefault();
            if (pattern != null) return new ModelMatch(modelId, family, null, $"provider {key}: {pattern}");
        }
        return null;
    }

    /// <summary>A fine-tune recognised by its name (<c>myorg/llama-3.1-8b-ft-v2</c>): the family it derives from, or null.</summary>
    public ModelMatch? MatchDerivative(string modelId)
    {
        ModelMatch? best = null;
        // Sorted once: this runs for every declared model the catalogue does not know by name.
        foreach (var family in _familiesById ??= Families.OrderBy(f => f.Id, StringComparer.Ordinal).ToArray())
        {
            foreach (var pattern in family.DerivativePatterns)
            {
                if (!Glob.IsMatch(pattern, modelId.Trim())) continue;
                if (best is null || Glob.Specificity(pattern) > Glob.Specificity(best.MatchedBy))
                    best = new ModelMatch(modelId, family, null, pattern, derivative: true);
            }
        }
        return best;
    }

    /// <summary>
    /// The terms that apply to one model: the licence plus every model-specific clause whose pattern matches the
    /// model (e.g. an EU domicile exclusion that covers only the multimodal models of a licence).
    /// </summary>
    public Licence EffectiveTerms(Licence licence, IEnumerable<string> modelNames)
    {
        var names = modelNames.Where(n => !string.IsNullOrEmpty(n)).ToList();
        var applied = licence.ModelSpecific.Where(ms => ms.AppliesTo.Any(p => names.Any(n => Glob.IsMatch(p, n) ||
            (ModelMatcher.FileStem(n) is { } stem && Glob.IsMatch(p, stem))))).ToList();
        if (applied.Count == 0) return licence;
        var key = licence.Id + "\u0001" + string.Join("\u0001", applied.Select(a => string.Join(",", a.AppliesTo)));
        return _effective.GetOrAdd(key, _ => LicenceMerger.Merge(licence, applied));
    }

    private static string Normalise(string gpu) =>
        new string(gpu.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
}
