using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using LicenceGuard.Core.AnalyzerInput;
using LicenceGuard.Core.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LicenceGuard.Analyzers.Detection;

/// <summary>
/// The string literals of one source file that are worth checking: those whose value the
/// <see cref="LiteralPrefilter"/> lets through or that name a weights file, and maybe a few more. Found from the file's
/// text (<see cref="StringLiteralCandidates"/>); only those are looked up in the syntax tree.
/// </summary>
internal static class SourceLiterals
{
    /// <summary>Adds the literals worth checking to <paramref name="literals"/>, in source order, each once.</summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    public static void WorthChecking(SyntaxTree tree, LiteralPrefilter filter, List<LiteralExpressionSyntax> literals, CancellationToken cancellation)
    {
        var quotes = new List<int>();
        StringLiteralCandidates.Find(tree.GetText(cancellation).ToString(), filter, quotes);
        if (quotes.Count == 0) return;
        var root = tree.GetRoot(cancellation);
        var lastLiteral = -1;
        foreach (var quote in quotes)
        {
            // Several quotes can lead to one literal (a verbatim "", a raw literal's """): each is taken once. A quote in
            // a comment or a disabled region belongs to trivia, not to the token found.
            var token = root.FindToken(quote);
            if (token.SpanStart <= lastLiteral || !token.Span.Contains(quote)) continue;
            lastLiteral = token.SpanStart;
            if (token.Parent is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                literals.Add(literal);
        }
    }
}
