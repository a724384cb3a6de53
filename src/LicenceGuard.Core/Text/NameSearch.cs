using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace LicenceGuard.Core.Text;

/// <summary>
/// Finds where any of a set of names occurs in a text (ordinal, as a substring), in one pass: each pair of adjacent
/// characters is looked up in a 2 KB bit table of the names' first two characters, and only on a hit are the names
/// starting with that pair compared. The analyzer runs it over each source file to find the calls and assignments
/// whose member name rules/sdk-apis.yaml lists, instead of being called once for every call of the project.
/// </summary>
public sealed class NameSearch
{
    private readonly ulong[] _pairs = new ulong[(128 * 128) / 64];
    private readonly Dictionary<int, string[]> _byPair;
    // Names of one character have no pair to key on; they are searched for one by one.
    private readonly string[] _single;

    public NameSearch(IEnumerable<string> names)
    {
        var distinct = names.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        _single = distinct.Where(n => n.Length == 1).ToArray();
        _byPair = distinct.Where(n => n.Length > 1).GroupBy(n => Key(n[0], n[1]))
            .ToDictionary(g => g.Key, g => g.OrderBy(n => n, StringComparer.Ordinal).ToArray());
        foreach (var key in _byPair.Keys) _pairs[key >> 6] |= 1UL << (key & 63);
    }

    /// <summary>Adds to <paramref name="starts"/>, in ascending order, every position where one of the names starts.</summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    public void FindAll(string text, List<int> starts)
    {
        var first = starts.Count;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            var key = Key(text[i], text[i + 1]);
            if ((_pairs[key >> 6] & (1UL << (key & 63))) == 0) continue;
            foreach (var name in _byPair[key])
            {
                if (name.Length <= text.Length - i && string.CompareOrdinal(text, i, name, 0, name.Length) == 0)
                {
                    starts.Add(i);
                    break;
                }
            }
        }
        if (_single.Length == 0) return;
        foreach (var name in _single)
            for (var i = text.IndexOf(name[0]); i >= 0; i = text.IndexOf(name[0], i + 1))
                if (!starts.Contains(i)) starts.Add(i);
        starts.Sort(first, starts.Count - first, null);
    }

    /// <summary>Two characters, each folded to 7 bits: characters outside ASCII share keys with ASCII ones, which
    /// only makes more comparisons.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Key(char a, char b) => (a & 127) << 7 | (b & 127);
}
