using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using LicenceGuard.Core.Text;

namespace LicenceGuard.Core.Catalogue;

/// <summary>
/// Maps a model ID (Hugging Face id, API name, Ollama tag or model file path) to its catalogue family. Exact IDs and
/// aliases first, then the most specific pattern. Patterns are bucketed by literal prefix so a lookup touches a handful
/// of candidates. Answers are not memoised: a lookup costs less than a shared concurrent cache (measured in the
/// analyzer, which asks for every string literal), and a cache would grow without bound in a long-lived IDE process.
/// </summary>
public sealed class ModelMatcher
{
    private const int BucketLength = 3;

    private readonly Dictionary<string, (ModelFamily Family, KnownModel Model)> _exact = new(StringComparer.OrdinalIgnoreCase);
    // Keyed by the pattern's literal prefix, lower-cased and cut to BucketLength characters, packed into a number
    // (see BucketKey) so that a lookup neither lower-cases nor cuts the ID into new strings.
    private readonly Dictionary<ulong, (string Pattern, ModelFamily Family)[]> _buckets = new();
    // "models/gemini-2.5-pro" (Gemini API form) and "hf.co/org/model" (Ollama) name the same model.
    internal static readonly string[] HostPrefixes = { "models/", "hf.co/", "huggingface.co/", "ollama/" };

    public ModelMatcher(IEnumerable<ModelFamily> families)
    {
        var buckets = new Dictionary<ulong, List<(string, ModelFamily)>>();
        foreach (var family in families.OrderBy(f => f.Id, StringComparer.Ordinal))
        {
            foreach (var model in family.Models)
            {
                foreach (var name in ExactNamesOf(model))
                    if (!_exact.ContainsKey(name)) _exact[name] = (family, model);
            }
            foreach (var pattern in family.Patterns)
            {
                var key = BucketKey(Glob.LiteralPrefix(pattern), BucketLength);
                if (!buckets.TryGetValue(key, out var list)) buckets[key] = list = new List<(string, ModelFamily)>();
                list.Add((pattern, family));
            }
        }
        foreach (var bucket in buckets) _buckets[bucket.Key] = bucket.Value.ToArray();
    }

    /// <summary>The names of a model matched exactly (case-insensitive, also after a host prefix): its ID and aliases.</summary>
    internal static IEnumerable<string> ExactNamesOf(KnownModel model) => new[] { model.Id }.Concat(model.Aliases).Where(n => n.Length > 0);

    /// <summary>
    /// The first min(<paramref name="length"/>, text length) characters of <paramref name="text"/>, lower-cased, and
    /// their count, as one number: equal keys mean equal lower-cased prefixes.
    /// </summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    private static ulong BucketKey(string text, int length)
    {
        var n = Math.Min(length, text.Length);
        ulong key = (ulong)n;
        for (var i = 0; i < n; i++) key |= (ulong)CaseFold.ToLowerInvariant(text[i]) << (16 * (i + 1));
        return key;
    }

    [MethodImpl(JitHints.AggressiveOptimization)]
    public ModelMatch? Match(string modelId)
    {
        if (string.IsNullOrWhiteSpace(modelId) || modelId.Length > 512) return null;
        var id = modelId.Trim();
        return MatchOne(id, id) ?? (FileStem(id) is { } stem ? MatchOne(stem, id) : null);
    }

    [MethodImpl(JitHints.AggressiveOptimization)]
    private ModelMatch? MatchOne(string candidate, string original)
    {
        if (_exact.TryGetValue(candidate, out var exact)) return new ModelMatch(original, exact.Family, exact.Model, candidate);

        foreach (var prefix in HostPrefixes)
        {
            if (CaseFold.StartsWithOrdinalIgnoreCase(candidate, prefix) && _exact.TryGetValue(candidate.Substring(prefix.Length), out exact))
                return new ModelMatch(original, exact.Family, exact.Model, candidate.Substring(prefix.Length));
        }

        string? bestPattern = null;
        ModelFamily? bestFamily = null;
        for (var len = Math.Min(BucketLength, candidate.Length); len >= 0; len--)
        {
            if (!_buckets.TryGetValue(BucketKey(candidate, len), out var list)) continue;
            foreach (var (pattern, family) in list)
            {
                if (!Glob.IsMatch(pattern, candidate)) continue;
                if (bestPattern is null || Better(pattern, family, bestPattern, bestFamily!))
                {
                    bestPattern = pattern;
                    bestFamily = family;
                }
            }
        }
        if (bestFamily is null) return null;

        var known = bestFamily.Models.FirstOrDefault(m => string.Equals(m.Id, candidate, StringComparison.OrdinalIgnoreCase));
        return new ModelMatch(original, bestFamily, known, bestPattern!);
    }

    private static bool Better(string pattern, ModelFamily family, string bestPattern, ModelFamily bestFamily)
    {
        var a = Glob.Specificity(pattern);
        var b = Glob.Specificity(bestPattern);
        if (a != b) return a > b;
        return string.CompareOrdinal(family.Id, bestFamily.Id) < 0;
    }

    /// <summary>"models/phi-4.onnx" → "phi-4": a model file is recognised by its name.</summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    public static string? FileStem(string id)
    {
        var ext = ModelFileExtensions.Match(id, ModelFileExtensions.Weights);
        var hasDir = id.IndexOf('/') >= 0 || id.IndexOf('\\') >= 0;
        if (ext is null && !hasDir) return null;
        var name = id.Replace('\\', '/');
        name = name.Substring(name.LastIndexOf('/') + 1);
        if (ext != null) name = name.Substring(0, name.Length - ext.Length);
        if (name.Length == 0 || string.Equals(name, id, StringComparison.Ordinal)) return null;
        return name;
    }
}
