using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Text;

namespace LicenceGuard.Core.AnalyzerInput;

/// <summary>
/// Answers "could this string literal name a declared model or a catalogue model?" from its first characters, so that
/// the analyzer can skip the declared-model and catalogue lookups for almost every literal of a project. Inside the
/// compiler each literal arrives with cold caches, so what a "no" costs is the memory it touches: measured with
/// bench/analyzer, the lookups cost 2-3 µs per literal there (several dictionaries, their keys, the extension and host
/// lists), while this reads the literal, this object's fields and one word of a 4 KB table.
/// <para>
/// It is exact in one direction: when it answers false, <see cref="DeclaredModelIndex.Find"/> and
/// <see cref="LicenceCatalogue.Match"/> both return null for that literal. A name can only match where one starts: at
/// the literal's start, after a host prefix ("models/", "hf.co/"), or at its file name ("dir/phi-4.onnx"). Each such
/// start's first three characters (ASCII, case folded) are hashed into a bit table built from every ID, alias and file
/// name and every pattern's literal prefix; patterns whose prefix is shorter are tested on their own prefix length,
/// and patterns with no prefix at all ("*.anthropic.claude-*") are matched directly where the literal holds their
/// first literal character. Anything outside ASCII where the table looks is let through, as is everything when a name
/// or prefix itself starts outside ASCII.
/// </para>
/// </summary>
public sealed class LiteralPrefilter
{
    private const int KeyLength = 3;
    private const int TableBits = 15;
    private const uint NotAscii = uint.MaxValue;

    private const int TableWords = (1 << TableBits) / 64;
    private readonly ulong[] _table;
    private readonly bool _letEverythingThrough;
    // Some pattern's literal prefix is exactly one or two characters long: such a pattern is looked up by that many.
    private readonly bool _oneCharacterPrefix;
    private readonly bool _twoCharacterPrefix;
    private readonly string[] _unprefixedPatterns;
    // The first literal character of each unprefixed pattern (ASCII, lower-cased), as bits: a start that holds none of
    // them matches none of those patterns. All bits set when one has none, or one outside ASCII.
    private readonly ulong _unprefixedNeedLow;
    private readonly ulong _unprefixedNeedHigh;
    // The host prefixes' first letters (ASCII, lower-cased), as bits 'a'..'z'.
    private static readonly uint HostFirstLetters = FirstLetters(ModelMatcher.HostPrefixes);

    private LiteralPrefilter(IEnumerable<string> names, IEnumerable<(string Pattern, string Prefix)> patterns)
    {
        _table = new ulong[TableWords];
        var unprefixed = new List<string>();
        foreach (var name in names)
            if (name.Length > 0 && !Add(name)) _letEverythingThrough = true;
        foreach (var (pattern, prefix) in patterns)
        {
            if (prefix.Length == 0) unprefixed.Add(pattern);
            else if (!Add(prefix)) _letEverythingThrough = true;
            else if (prefix.Length == 1) _oneCharacterPrefix = true;
            else if (prefix.Length == 2) _twoCharacterPrefix = true;
        }
        _unprefixedPatterns = unprefixed.ToArray();
        // Whatever wildcards lead an unprefixed pattern, a match holds its first literal character somewhere.
        foreach (var pattern in _unprefixedPatterns)
        {
            var rest = pattern.TrimStart('*', '?');
            var c = rest.Length == 0 ? '\u0080' : CaseFold.ToLowerInvariant(rest[0]);
            if (c >= 128)
            {
                _unprefixedNeedLow = _unprefixedNeedHigh = ulong.MaxValue;
                break;
            }
            if (c < 64) _unprefixedNeedLow |= 1UL << c;
            else _unprefixedNeedHigh |= 1UL << (c - 64);
        }
    }

    /// <summary>A filter as <see cref="SnapshotFields"/> wrote it (the build gate's analyzer snapshot).</summary>
    private LiteralPrefilter(ulong[] table, bool letEverythingThrough, bool oneCharacterPrefix, bool twoCharacterPrefix,
        string[] unprefixedPatterns, ulong unprefixedNeedLow, ulong unprefixedNeedHigh)
    {
        _table = table;
        _letEverythingThrough = letEverythingThrough;
        _oneCharacterPrefix = oneCharacterPrefix;
        _twoCharacterPrefix = twoCharacterPrefix;
        _unprefixedPatterns = unprefixedPatterns;
        _unprefixedNeedLow = unprefixedNeedLow;
        _unprefixedNeedHigh = unprefixedNeedHigh;
    }

    /// <summary>
    /// The filter as text fields: flags, the two need masks and the table in hex, then the unprefixed patterns. The
    /// gate writes it into the analyzer snapshot, so that the compiler neither builds it nor reads the catalogue for it.
    /// </summary>
    internal string[] SnapshotFields()
    {
        var hex = new System.Text.StringBuilder(_table.Length * 16);
        foreach (var word in _table) hex.Append(word.ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
        return new[]
        {
            Flag(_letEverythingThrough) + Flag(_oneCharacterPrefix) + Flag(_twoCharacterPrefix),
            _unprefixedNeedLow.ToString("x16", System.Globalization.CultureInfo.InvariantCulture),
            _unprefixedNeedHigh.ToString("x16", System.Globalization.CultureInfo.InvariantCulture),
            hex.ToString(),
        }.Concat(_unprefixedPatterns).ToArray();
    }

    /// <summary>The filter <see cref="SnapshotFields"/> wrote; a <see cref="FormatException"/> when the fields are not one.</summary>
    internal static LiteralPrefilter FromSnapshotFields(IReadOnlyList<string> fields)
    {
        if (fields.Count < 4 || fields[0].Length != 3 || fields[3].Length != TableWords * 16) throw new FormatException("not a literal prefilter");
        var table = new ulong[TableWords];
        for (var i = 0; i < table.Length; i++) table[i] = Hex(fields[3], i * 16);
        return new LiteralPrefilter(table, fields[0][0] == '1', fields[0][1] == '1', fields[0][2] == '1',
            fields.Skip(4).ToArray(), Hex(fields[1], 0), Hex(fields[2], 0));
    }

    private static string Flag(bool value) => value ? "1" : "0";

    private static ulong Hex(string text, int start) =>
        text.Length >= start + 16 && ulong.TryParse(text.Substring(start, 16), System.Globalization.NumberStyles.AllowHexSpecifier,
            System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException("not a literal prefilter");

    /// <summary>
    /// The filter for one manifest's declared models and one catalogue's model families. Built from the families as the
    /// matcher reads them, not from the matcher: most projects never need the matcher (no literal gets past this), so
    /// the compiler is not made to build it at compilation start.
    /// </summary>
    public static LiteralPrefilter For(DeclaredModelIndex models, LicenceCatalogue catalogue) =>
        new(models.LookupNames.Concat(catalogue.Families.SelectMany(f => f.Models).SelectMany(ModelMatcher.ExactNamesOf)),
            catalogue.Families.SelectMany(f => f.Patterns).Select(p => (p, Glob.LiteralPrefix(p))));

    /// <summary>False only when neither the declared models nor the catalogue can match <paramref name="literal"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MightName(string literal) => MightName(literal, 0, literal.Length);

    /// <summary>
    /// <see cref="MightName(string)"/> for the <paramref name="length"/> characters of <paramref name="text"/> from
    /// <paramref name="start"/>: the analyzer asks it of the text between two quotes of a source file, unallocated.
    /// </summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    public bool MightName(string text, int start, int length)
    {
        if (_letEverythingThrough) return true;
        if (length <= 0) return false;
        var end = start + length;
        // The lookups trim (as string.Trim does: char.IsWhiteSpace at both ends).
        if (char.IsWhiteSpace(text[start]) || char.IsWhiteSpace(text[end - 1]))
        {
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            if (start == end) return false;
        }
        var n = end - start;
        if (MightStartAt(text, start, n)) return true;
        // The other starts follow a separator: the file name and stem ("dir/phi-4.onnx" → "phi-4.onnx", "phi-4") after
        // the last one, a host prefix's rest after its "/". A name without a separator is a stem only without its
        // weights extension ("phi-4.onnx" → "phi-4").
        var nameStart = end;
        while (nameStart > start && text[nameStart - 1] != '/' && text[nameStart - 1] != '\\') nameStart--;
        var extension = ModelFileExtensions.Match(text, start, n, ModelFileExtensions.Weights);
        if (nameStart == start) return extension != null && n > extension.Length && MightStartAt(text, start, n - extension.Length);
        if (MightStartAfterHost(text, start, n)) return true;
        if (nameStart < end && MightStartAt(text, nameStart, end - nameStart)) return true;
        var stemLength = end - nameStart - (extension?.Length ?? 0);
        return stemLength > 0 && MightStartAt(text, nameStart, stemLength);
    }

    /// <summary>Could a name start after a host prefix ("hf.co/…")? Decided by the first letter for most literals.</summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    private bool MightStartAfterHost(string text, int start, int n)
    {
        var first = text[start];
        if (first < 128 && HostFirstLetters != uint.MaxValue)
        {
            var letter = first | 0x20;
            if (letter < 'a' || letter > 'z' || (HostFirstLetters & (1u << (letter - 'a'))) == 0) return false;
        }
        foreach (var host in ModelMatcher.HostPrefixes)
            if (n > host.Length && CaseFold.StartsWithOrdinalIgnoreCase(text, start, n, host) && MightStartAt(text, start + host.Length, n - host.Length)) return true;
        return false;
    }

    /// <summary>Could a name, or a pattern's match, be the <paramref name="length"/> characters from <paramref name="start"/>?</summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    private bool MightStartAt(string text, int start, int length)
    {
        var key = Key(text, start, Math.Min(KeyLength, length));
        if (key == NotAscii || IsSet(key)) return true;
        if (_oneCharacterPrefix && length > 1 && IsSetOrNotAscii(Key(text, start, 1))) return true;
        if (_twoCharacterPrefix && length > 2 && IsSetOrNotAscii(Key(text, start, 2))) return true;
        if (_unprefixedPatterns.Length == 0 || !HoldsUnprefixedNeed(text, start, length)) return false;
        foreach (var pattern in _unprefixedPatterns)
            if (Glob.IsMatch(pattern, text, start, length)) return true;
        return false;
    }

    [MethodImpl(JitHints.AggressiveOptimization)]
    private bool HoldsUnprefixedNeed(string text, int start, int length)
    {
        if ((_unprefixedNeedLow & _unprefixedNeedHigh) == ulong.MaxValue) return true;
        for (var i = start; i < start + length; i++)
        {
            var c = text[i];
            if (c >= 128) return true;
            c = CaseFold.ToLowerInvariant(c);
            if (c < 64 ? (_unprefixedNeedLow & (1UL << c)) != 0 : (_unprefixedNeedHigh & (1UL << (c - 64))) != 0) return true;
        }
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsSetOrNotAscii(uint key) => key == NotAscii || IsSet(key);

    /// <summary>The first <paramref name="count"/> (at most three) characters from <paramref name="start"/>, ASCII
    /// lower-cased, and their count, packed; <see cref="NotAscii"/> when one is outside ASCII.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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

    private static uint FirstLetters(IEnumerable<string> prefixes)
    {
        uint letters = 0;
        foreach (var p in prefixes)
        {
            var first = p.Length == 0 ? '\0' : char.ToLowerInvariant(p[0]);
            if (first < 'a' || first > 'z') return uint.MaxValue;
            letters |= 1u << (first - 'a');
        }
        return letters;
    }
}
