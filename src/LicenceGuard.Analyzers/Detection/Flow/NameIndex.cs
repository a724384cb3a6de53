using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LicenceGuard.Analyzers.Detection.Flow;

/// <summary>
/// The simple names of a compilation's source (identifiers and generic names), by their text: where a method is called,
/// a field or property assigned, an options type bound. Built on first need, once per compilation, and only then:
/// most compilations never follow a value beyond one method.
/// </summary>
internal sealed class NameIndex
{
    private readonly Lazy<Dictionary<string, List<SimpleNameSyntax>>> _names;

    public NameIndex(Compilation compilation, CancellationToken cancellation) =>
        _names = new Lazy<Dictionary<string, List<SimpleNameSyntax>>>(() => Build(compilation, cancellation), LazyThreadSafetyMode.ExecutionAndPublication);

    public IReadOnlyList<SimpleNameSyntax> Named(string name) =>
        _names.Value.TryGetValue(name, out var found) ? found : (IReadOnlyList<SimpleNameSyntax>)Array.Empty<SimpleNameSyntax>();

    private static Dictionary<string, List<SimpleNameSyntax>> Build(Compilation compilation, CancellationToken cancellation)
    {
        var names = new Dictionary<string, List<SimpleNameSyntax>>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var node in tree.GetRoot(cancellation).DescendantNodes())
            {
                if (node is not SimpleNameSyntax name) continue;
                var text = name.Identifier.ValueText;
                if (!names.TryGetValue(text, out var list)) names[text] = list = new List<SimpleNameSyntax>();
                list.Add(name);
            }
        }
        return names;
    }
}
