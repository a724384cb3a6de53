using System.Collections.Generic;
using System.Runtime.CompilerServices;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Text;

namespace LicenceGuard.Core.AnalyzerInput;

/// <summary>
/// Finds, in a C# source file's text, the quotes after which a string literal worth a look may start: one whose value
/// the <see cref="LiteralPrefilter"/> lets through or that names a weights file. The analyzer then asks the syntax tree
/// only at those quotes, instead of being called once for every string literal of the project: inside the compiler
/// each such call arrives with cold caches and costs microseconds, while this loop runs over one file's text with the
/// filter's table in cache (measured with bench/analyzer).
/// <para>
/// It is exact in one direction: every string literal whose value the filter or the weights test would accept has its
/// opening quote among the positions returned. No lexing is needed for that. A regular or verbatim literal's text holds
/// no lone quote, so its value, when written without escapes, is exactly the text between two consecutive quotes of
/// the file, however the quotes before it pair up (comments, character literals, interpolations). Every such stretch
/// is tested; where the value may differ from the text (an escape, a verbatim <c>""</c>, a raw literal's quotes, which
/// all put a backslash or a quote right next to the stretch), the position is returned untested. A regular literal
/// ends at a line break even when its closing quote is missing, so only its first line is tested.
/// </para>
/// </summary>
public static class StringLiteralCandidates
{
    private static readonly char[] LineBreaks = { '\r', '\n', '\u0085', '\u2028', '\u2029' };

    /// <summary>Adds to <paramref name="quotes"/>, in ascending order, the positions of the quotes in
    /// <paramref name="text"/> that may open a string literal worth checking.</summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    public static void Find(string text, LiteralPrefilter filter, List<int> quotes)
    {
        var quote = text.IndexOf('"');
        while (quote >= 0)
        {
            var next = quote + 1 < text.Length ? text.IndexOf('"', quote + 1) : -1;
            if (MayOpenCandidate(text, filter, quote, next)) quotes.Add(quote);
            quote = next;
        }
    }

    /// <summary>Could the quote at <paramref name="quote"/> open a literal worth checking, the next quote being at
    /// <paramref name="next"/> (-1: none)?</summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    private static bool MayOpenCandidate(string text, LiteralPrefilter filter, int quote, int next)
    {
        var start = quote + 1;
        var end = next < 0 ? text.Length : next;
        // Quotes side by side: a verbatim literal's "" or a raw literal's """, whose value is not the text in between.
        if (quote > 0 && text[quote - 1] == '"') return true;
        if (next >= 0 && next + 1 < text.Length && text[next + 1] == '"') return true;
        var verbatim = quote > 0 && text[quote - 1] == '@';
        if (!verbatim)
        {
            if (start < end)
            {
                var lineBreak = text.IndexOfAny(LineBreaks, start, end - start);
                if (lineBreak >= 0) end = lineBreak;
            }
            // An escape: the value is not the text.
            if (start < end && text.IndexOf('\\', start, end - start) >= 0) return true;
        }
        var length = end - start;
        return filter.MightName(text, start, length) || ModelFileExtensions.IsModelFilePath(text, start, length);
    }
}
