using System.Collections.Generic;
using System.Linq;

namespace LicenceGuard.Core.Yaml;

/// <summary>
/// A YAML node that remembers where it was written. The manifest and catalogue readers work on this small tree
/// rather than on YamlDotNet's representation model so that limits (depth, size, no aliases) are enforced while parsing.
/// </summary>
public abstract class YNode
{
    protected YNode(SourceLocation location) => Location = location;

    public SourceLocation Location { get; }

    public abstract string Kind { get; }
}

public sealed class YScalar : YNode
{
    public YScalar(SourceLocation location, string value, bool quoted) : base(location)
    {
        Value = value;
        Quoted = quoted;
    }

    public string Value { get; }

    /// <summary>True when written in quotes: then <c>null</c> or <c>true</c> are strings, not values.</summary>
    public bool Quoted { get; }

    public bool IsNull => !Quoted && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    public override string Kind => "scalar";

    public override string ToString() => Value;
}

public sealed class YSequence : YNode
{
    public YSequence(SourceLocation location, List<YNode> items) : base(location) => Items = items;

    public List<YNode> Items { get; }

    public override string Kind => "list";
}

public sealed class YMapping : YNode
{
    public YMapping(SourceLocation location, List<KeyValuePair<YScalar, YNode>> entries) : base(location) => Entries = entries;

    public List<KeyValuePair<YScalar, YNode>> Entries { get; }

    public override string Kind => "mapping";

    public YNode? this[string key] => TryGet(key, out var node) ? node : null;

    public bool TryGet(string key, out YNode node)
    {
        foreach (var e in Entries)
        {
            if (e.Key.Value == key)
            {
                node = e.Value;
                return true;
            }
        }
        node = null!;
        return false;
    }
}
