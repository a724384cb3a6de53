using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Text;

namespace LicenceGuard.Core.AnalyzerInput;

/// <summary>
/// Answers "could this string literal name a declared model or a catalogue model?" from its first characters, so that
/// the analyzer can skip the declared-model and catalogue lookups for almost every literal of a project. Measured with
/// bench/analyzer, those lookups cost microseconds per literal inside the compiler (cold caches: each one touches
/// several dictionaries), while this touches one string and one 512-byte table.
/// <para>
/// It is exact in one direction: when it answers false, <see cref="DeclaredModelIndex.Find"/> and
/// <see cref="LicenceCatalogue.Match"/> both return null for that literal. A name can only match where one starts: at
/// the literal's start, after a host prefix ("models/", "hf.co/"), or at its file name ("dir/phi-4.onnx"). Each such
/// start's first three characters (ASCII, case folded) are hashed into a bit table built from every ID, alias and file
/// name and every pattern's literal prefix; patterns whose prefix is shorter are tested on their own prefix length,
/// and patterns with no prefix at all ("*.anthropic.claude-*") are matched directly. Anything outside ASCII where the
/// table looks is let through, as is everything when a name or prefix itself starts outside ASCII.
/// </para>
/// </summary>
public sealed class LiteralPrefilter
{
    private const int KeyLength = 3;
    private const int TableBits = 15;
    private readonly ulong[] _table = new ulong[(1 << TableBits) / 64];
    private readonly bool _letEverythingThrough;
    // Whether some pattern's literal prefix is exactly 1 or 2 characters long (index 1, 2): such a pattern is looked up
    // by that many characters of a start, not three.
    private readonly bool[] _shortPrefix = new bool[KeyLength];
    private readonly string[] _unprefixedPatterns;

    private LiteralPrefilter(IEnumerable<string> names, IEnumerable<(string Pattern, string Prefix)> patterns)
    {
        var unprefixed = new List<string>();
        foreach (var name in names)
            if (name.Length > 0 && !Add(name)) _letEverythingThrough = true;
        foreach (var (pattern, prefix) in patterns)
        {
            if (prefix.Length == 0) unprefixed.Add(pattern);
            else if (!Add(prefix)) _letEverythingThrough = true;
            else if (prefix.Length < KeyLength) _shortPrefix[prefix.Length] = true;
        }
        _unprefixedPatterns = unprefixed.ToArray();
    }

    /// <summary>The filter for one manifest's declared models and one catalogue's model families.</summary>
    public static LiteralPrefilter For(DeclaredModelIndex models, LicenceCatalogue catalogue) =>
        new(models.LookupNames.Concat(catalogue.Matcher.ExactNames), catalogue.Matcher.Patterns);

    /// <summary>False only when neither the declared models nor the catalogue can match <paramref name="literal"/>.</summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    public bool MightName(string literal)
    {
        if (_letEverythingThrough) return true;
        var text = literal.Trim();
        var n = text.Length;
        if (n == 0) return false;
        if (MightStartAt(text, 0, n)) return true;
        // The other starts follow a separator: the file name and stem ("dir/phi-4.onnx" → "phi-4.onnx", "phi-4") after
        // the last one, a host prefix's rest after its "/". A name without a separator is a stem only without its
        // weights extension ("phi-4.onnx" → "phi-4").
        var nameStart = Math.Max(text.LastIndexOf('/'), text.LastIndexOf('\\')) + 1;
        var extension = ModelFileExtensions.Match(text, ModelFileExtensions.Weights);
        if (nameStart == 0) return extension != null && n > extension.Length && MightStartAt(text, 0, n - extension.Length);
        foreach (var host in ModelMatcher.HostPrefixes)
            if (n > host.Length && CaseFold.StartsWithOrdinalIgnoreCase(text, host) && MightStartAt(text, host.Length, n - host.Length)) return true;
        if (nameStart < n && MightStartAt(text, nameStart, n - nameStart)) return true;
        var stemLength = n - nameStart - (extension?.Length ?? 0);
        return stemLength > 0 && MightStartAt(text, nameStart, stemLength);
    }

    /// <summary>Could a name, or a pattern's match, be the <paramref name="length"/> characters from <paramref name="start"/>?</summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    private bool MightStartAt(string text, int start, int length)
    {
        var key = Key(text, start, Math.Min(KeyLength, length));
        if (key == NotAscii || IsSet(key)) return true;
        for (var prefix = 1; prefix < KeyLength && prefix < length; prefix++)
        {
            if (!_shortPrefix[prefix]) continue;
            key = Key(text, start, prefix);
            if (key == NotAscii || IsSet(key)) return true;
        }
        foreach (var pattern in _unprefixedPatterns)
            if (Glob.IsMatch(pattern, text, start, length)) return true;
        return false;
    }

    private const uint NotAscii = uint.MaxValue;

    /// <summary>The first <paramref name="count"/> (at most three) characters from <paramref name="start"/>, ASCII
    /// lower-cased, and their count, packed; <see cref="NotAscii"/> when one is outside ASCII.</summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    private static uint Key(string text, int start, int count)
    {
        var key = (uint)count;
        for (var i = 0; i < count; i++)
        {
            var c = text[start + i];
            if (c >= 128) return NotAscii;
            if (c >= 'A' && c <= 'Z') c = (char)(c | 0x20);
            key |= (uint)c << (2 + 7 * i);
        }
        return key;
    }

    private bool Add(string name)
    {
        var key = Key(name, 0, Math.Min(KeyLength, name.Length));
        if (key == NotAscii) return false;
        var slot = Slot(key);
        _table[slot >> 6] |= 1UL << (int)(slot & 63);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsSet(uint key)
    {
        var slot = Slot(key);
        return (_table[slot >> 6] & (1UL << (int)(slot & 63))) != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Slot(uint key)
    {
        // MurmurHash3's finaliser: keys differ in a few low bits of each character, which a bare multiply leaves clustered.
        key ^= key >> 16;
        key *= 0x85EBCA6Bu;
        key ^= key >> 13;
        key *= 0xC2B2AE35u;
        key ^= key >> 16;
        return key & ((1u << TableBits) - 1);
    }
}
