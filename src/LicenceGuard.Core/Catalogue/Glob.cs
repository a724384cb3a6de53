namespace LicenceGuard.Core.Catalogue;

/// <summary>
/// Case-insensitive wildcard match over a whole string (<c>*</c> any run, <c>?</c> one character), in linear time with
/// the classic two-pointer algorithm: no regular expressions, no backtracking blow-up on hostile IDs.
/// </summary>
public static class Glob
{
    public static bool IsMatch(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
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

    private static bool Eq(char a, char b) => a == b || char.ToLowerInvariant(a) == char.ToLowerInvariant(b);
}
