using System.Runtime.CompilerServices;
using LicenceGuard.Core.Text;

namespace LicenceGuard.Core.Catalogue;

/// <summary>
/// Case-insensitive wildcard match over a whole string (<c>*</c> any run, <c>?</c> one character), with
/// the classic two-pointer algorithm (at worst pattern length × text length steps): no regular expressions, no
/// exponential backtracking on hostile IDs.
/// </summary>
public static class Glob
{
    public static bool IsMatch(string pattern, string text) => IsMatch(pattern, text, 0, text.Length);

    /// <summary>Matches <paramref name="pattern"/> against the <paramref name="length"/> characters of <paramref name="text"/> from <paramref name="start"/>.</summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    public static bool IsMatch(string pattern, string text, int start, int length)
    {
        int p = 0, t = start, end = start + length, star = -1, mark = 0;
        while (t < end)
        {
            if (p < pattern.Length && (pattern[p] == '?' || Eq(pattern[p], text[t])))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }

    /// <summary>How specific a pattern is: its count of literal characters. The most specific match wins.</summary>
    public static int Specificity(string pattern)
    {
        var n = 0;
        foreach (var c in pattern)
            if (c != '*' && c != '?') n++;
        return n;
    }

    public static string LiteralPrefix(string pattern)
    {
        var i = pattern.IndexOfAny(new[] { '*', '?' });
        return (i < 0 ? pattern : pattern.Substring(0, i)).ToLowerInvariant();
    }

    private static bool Eq(char a, char b) => a == b || CaseFold.ToLowerInvariant(a) == CaseFold.ToLowerInvariant(b);
}
