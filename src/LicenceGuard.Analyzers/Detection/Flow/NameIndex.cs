using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LicenceGuard.Analyzers.Detection.Flow;

/// <summary>
/// Where a name is written in the compilation's source (identifiers and generic names): where a method is called, a
/// field or property assigned, an options type bound. Each name is looked up once per compilation, on first need, by
/// searching the files' text and then only the tokens found there, rather than walking (and so building) the whole
/// syntax tree of every file.
/// </summary>
internal sealed class NameIndex
{
    private readonly Compilation _compilation;
    private readonly CancellationToken _cancellation;
    private readonly ConcurrentDictionary<string, IReadOnlyList<SimpleNameSyntax>> _found = new(StringComparer.Ordinal);

    public NameIndex(Compilation compilation, CancellationToken cancellation)
    {
        _compilation = compilation;
        _cancellation = cancellation;
    }

    public IReadOnlyList<SimpleNameSyntax> Named(string name) => _found.GetOrAdd(name, Find);

    private IReadOnlyList<SimpleNameSyntax> Find(string name)
    {
        var found = new List<SimpleNameSyntax>();
        if (name.Length == 0) return found;
        foreach (var tree in _compilation.SyntaxTrees)
        {
            var text = tree.GetText(_cancellation).ToString();
            SyntaxNode? root = null;
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                root ??= tree.GetRoot(_cancellation);
                var token = root.FindToken(at);
                // A match inside a longer word, a string or a comment is not the name.
                if (token.SpanStart != at || token.ValueText != name || token.Parent is not SimpleNameSyntax simple) continue;
                found.Add(simple);
            }
        }
        return found;
    }
}
