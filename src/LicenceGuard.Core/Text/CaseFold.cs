using System;
using System.Runtime.CompilerServices;

namespace LicenceGuard.Core.Text;

/// <summary>
/// Case-insensitive comparisons for the analyzer's per-literal path, without allocating and with an ASCII fast path.
/// The compiler calls that path for every string literal of a project, often before the JIT has optimised it, where a
/// call to <c>string.EndsWith(…, OrdinalIgnoreCase)</c> or <c>ToLowerInvariant()</c> costs far more than the few
/// character tests it replaces (measured with bench/analyzer). Outside ASCII the framework answers: the comparisons
/// hand over to <c>StringComparison.OrdinalIgnoreCase</c> at the first such character (its folding is not simply
/// <c>char.ToUpperInvariant</c>: it keeps "ſ" apart from "S"), and <see cref="ToLowerInvariant"/> is
/// <c>char.ToLowerInvariant</c>.
/// </summary>
public static class CaseFold
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char ToLowerInvariant(char c)
    {
        if (c < 128) return c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;
        return char.ToLowerInvariant(c);
    }

    /// <summary><c>text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EndsWithOrdinalIgnoreCase(string text, string suffix) => EndsWithOrdinalIgnoreCase(text, text.Length, suffix);

    /// <summary>Do the first <paramref name="end"/> characters of <paramref name="text"/> end with
    /// <paramref name="suffix"/>, ignoring case as <c>StringComparison.OrdinalIgnoreCase</c> does?</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EndsWithOrdinalIgnoreCase(string text, int end, string suffix) =>
        end >= suffix.Length && RegionEqualsOrdinalIgnoreCase(text, end - suffix.Length, suffix);

    /// <summary><c>text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool StartsWithOrdinalIgnoreCase(string text, string prefix) => StartsWithOrdinalIgnoreCase(text, 0, text.Length, prefix);

    /// <summary>Do the <paramref name="length"/> characters of <paramref name="text"/> from <paramref name="start"/>
    /// start with <paramref name="prefix"/>, ignoring case as <c>StringComparison.OrdinalIgnoreCase</c> does?</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool StartsWithOrdinalIgnoreCase(string text, int start, int length, string prefix) =>
        length >= prefix.Length && RegionEqualsOrdinalIgnoreCase(text, start, prefix);

    /// <summary>Are the characters of <paramref name="text"/> from <paramref name="offset"/> equal to
    /// <paramref name="other"/>, ignoring case? The caller has checked that they are there.</summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    private static bool RegionEqualsOrdinalIgnoreCase(string text, int offset, string other)
    {
        for (var i = 0; i < other.Length; i++)
        {
            var a = text[offset + i];
            var b = other[i];
            if ((a | b) >= 128) return string.Compare(text, offset, other, 0, other.Length, StringComparison.OrdinalIgnoreCase) == 0;
            if (!AsciiEqualsIgnoreCase(a, b)) return false;
        }
        return true;
    }

    /// <summary>Two ASCII characters, equal or the same letter in either case.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AsciiEqualsIgnoreCase(char a, char b)
    {
        if (a == b) return true;
        var x = (char)(a | 0x20);
        return x == (b | 0x20) && x >= 'a' && x <= 'z';
    }
}
