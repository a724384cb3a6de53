using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LicenceGuard.Core.Files;
using LicenceGuard.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LicenceGuard.Core.Yaml;

/// <summary>
/// Reads one YAML document into a located <see cref="YNode"/> tree with YamlDotNet's event parser. Iterative (no
/// recursion), so deep nesting cannot overflow the stack; an alias shares its anchor's node and counts the nodes it
/// stands for against <see cref="YamlLimits.MaxNodes"/>, so alias bombs stop at the limit; every problem comes back as
/// a <see cref="YamlError"/> with line and column, never as an exception.
/// </summary>
public static class YamlTreeReader
{
    public static YNode? ReadFile(string path, out YamlError? error, YamlLimits? limits = null)
    {
        limits ??= YamlLimits.Default;
        // Only a regular file is opened, its size checked first: a FIFO or /dev/zero as models.yaml is an error, not a hang.
        var bytes = SafeFile.ReadAllBytes(path, limits.MaxBytes, out var refusal);
        if (bytes is null)
        {
            error = new YamlError(SourceLocation.None(path), refusal!);
            return null;
        }
        return ReadBytes(bytes, path, out error, limits);
    }

    public static YNode? ReadBytes(byte[] bytes, string path, out YamlError? error, YamlLimits? limits = null)
    {
        if (!TextDecoder.TryDecode(bytes, out var text, out var line, out var column, out var message))
        {
            error = new YamlError(new SourceLocation(path, line, column), message);
            return null;
        }
        return ReadText(text, path, out error, limits);
    }

    public static YNode? ReadText(string text, string path, out YamlError? error, YamlLimits? limits = null)
    {
        limits ??= YamlLimits.Default;
        error = null;
        if (text.Length > 0 && text[0] == '\uFEFF') text = text.Substring(1);
        if (text.Length > limits.MaxBytes)
        {
            error = new YamlError(new SourceLocation(path, 1, 1), $"the text is {text.Length} characters, over the limit of {limits.MaxBytes}");
            return null;
        }
        var stack = new Stack<Frame>();
        var last = new SourceLocation(path, 1, 1);
        try
        {
            return Build(new Parser(new StringReader(text)), path, limits, stack, ref last, out error);
        }
        catch (YamlException ex)
        {
            var message = Clean(ex.Message);
            // An unclosed [ or { is found at the end of the file; the fix is where it was opened.
            if (ex.Message.IndexOf("While parsing a flow", StringComparison.Ordinal) >= 0 && stack.Count > 0 && stack.Peek().Flow)
            {
                var open = stack.Peek().Node.Location;
                error = new YamlError(open, message + $" (the {(stack.Peek().Node is YSequence ? "[ list" : "{ mapping")} opened here is not closed before line {ex.Start.Line})");
                return null;
            }
            // YamlDotNet locates a tab used as indentation at the start of the mapping it was scanning; the fix is at the tab.
            var at = ex.Message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0 && FirstIndentingTab(text, path) is { } tab ? tab : Loc(path, ex.Start);
            error = new YamlError(at, message);
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException || ex is InvalidOperationException || ex is FormatException || ex is OverflowException)
        {
            // YamlDotNet occasionally surfaces malformed input as one of these; it is still bad input, not a crash.
            var at = stack.Count > 0 ? stack.Peek().Node.Location : last;
            error = new YamlError(at, "YAML syntax error in or after this node: " + ex.Message);
            return null;
        }
    }

    private static YNode? Build(IParser parser, string path, YamlLimits limits, Stack<Frame> stack, ref SourceLocation last, out YamlError? error)
    {
        error = null;
        YNode? root = null;
        long nodes = 0;
        var documents = 0;
        var anchors = new Dictionary<string, YNode>(StringComparer.Ordinal);
        var weights = new Dictionary<YNode, long>();

        while (parser.MoveNext())
        {
            var ev = parser.Current!;
            last = Loc(path, ev.Start);
            switch (ev)
            {
                case StreamStart:
                case StreamEnd:
                    continue;
                case DocumentStart ds:
                    if (!ds.IsImplicit || documents > 0)
                    {
                        if (documents > 0)
                        {
                            error = new YamlError(Loc(path, ds.Start), "only one YAML document is allowed in this file");
                            return null;
                        }
                    }
                    documents++;
                    continue;
                case DocumentEnd:
                    continue;
            }

            YNode? completed;
            if (ev is AnchorAlias alias)
            {
                if (!anchors.TryGetValue(alias.Value.Value, out completed))
                {
                    error = new YamlError(Loc(path, alias.Start), $"the alias *{alias.Value} refers to no anchor defined before it");
                    return null;
                }
                nodes += weights.TryGetValue(completed, out var w) ? w : 1;
                if (nodes > limits.MaxNodes)
                {
                    error = new YamlError(Loc(path, alias.Start), $"aliases expand the file to more than {limits.MaxNodes} YAML nodes");
                    return null;
                }
                if (stack.Count > 0) stack.Peek().Weight += weights.TryGetValue(completed, out var aw) ? aw : 1;
                if (!Attach(stack, completed, ref root, out error)) return null;
                continue;
            }

            if (++nodes > limits.MaxNodes)
            {
                error = new YamlError(Loc(path, ev.Start), $"the file has more than {limits.MaxNodes} YAML nodes");
                return null;
            }

            long weight = 1;
            switch (ev)
            {
                case Scalar s:
                    if (s.Value.Length > limits.MaxScalarLength)
                    {
                        error = new YamlError(Loc(path, s.Start), $"a value of {s.Value.Length} characters, over the limit of {limits.MaxScalarLength}");
                        return null;
                    }
                    completed = new YScalar(Loc(path, s.Start), s.Value, s.Style != ScalarStyle.Plain);
                    if (!s.Anchor.IsEmpty) Remember(anchors, weights, s.Anchor.Value, completed, 1);
                    break;
                case SequenceStart ss:
                    if (stack.Count >= limits.MaxDepth) { error = TooDeep(path, ss.Start, limits); return null; }
                    stack.Push(new Frame(new YSequence(Loc(path, ss.Start), new List<YNode>()), ss.Anchor.IsEmpty ? null : ss.Anchor.Value) { Flow = ss.Style == SequenceStyle.Flow });
                    continue;
                case MappingStart ms:
                    if (stack.Count >= limits.MaxDepth) { error = TooDeep(path, ms.Start, limits); return null; }
                    stack.Push(new Frame(new YMapping(Loc(path, ms.Start), new List<KeyValuePair<YScalar, YNode>>()), ms.Anchor.IsEmpty ? null : ms.Anchor.Value) { Flow = ms.Style == MappingStyle.Flow });
                    continue;
                case SequenceEnd:
                case MappingEnd:
                    nodes--;
                    var frame = stack.Pop();
                    completed = frame.Node;
                    weight = frame.Weight;
                    if (frame.Anchor != null) Remember(anchors, weights, frame.Anchor, completed, weight);
                    break;
                default:
                    continue;
            }

            if (stack.Count > 0) stack.Peek().Weight += weight;
            if (!Attach(stack, completed!, ref root, out error)) return null;
        }
        return root;
    }

    private static void Remember(Dictionary<string, YNode> anchors, Dictionary<YNode, long> weights, string anchor, YNode node, long weight)
    {
        anchors[anchor] = node;
        weights[node] = weight;
    }

    private static bool Attach(Stack<Frame> stack, YNode completed, ref YNode? root, out YamlError? error)
    {
        error = null;
        if (stack.Count == 0)
        {
            root = completed;
            return true;
        }
        {
            var parent = stack.Peek();
            if (parent.Node is YSequence seq)
            {
                seq.Items.Add(completed);
            }
            else if (parent.Node is YMapping map)
            {
                if (parent.PendingKey is null)
                {
                    if (completed is not YScalar key)
                    {
                        error = new YamlError(completed.Location, "a key must be a plain value, not a list or mapping");
                        return false;
                    }
                    if (HasKey(parent, map, key.Value))
                    {
                        error = new YamlError(key.Location, $"the key '{key.Value}' appears twice in the same mapping");
                        return false;
                    }
                    parent.PendingKey = key;
                }
                else
                {
                    map.Entries.Add(new KeyValuePair<YScalar, YNode>(parent.PendingKey, completed));
                    parent.PendingKey = null;
                }
            }
        }
        return true;
    }

    /// <summary>The first tab in a line's indentation (before its first other character), where YAML forbids tabs.</summary>
    private static SourceLocation? FirstIndentingTab(string text, string path)
    {
        var line = 1;
        var inIndent = true;
        var column = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                column = 1;
                inIndent = true;
                continue;
            }
            if (inIndent && c == '\t') return new SourceLocation(path, line, column);
            if (c != ' ' && c != '-') inIndent = false;
            column++;
        }
        return null;
    }

    private static YamlError TooDeep(string path, Mark mark, YamlLimits limits) =>
        new(Loc(path, mark), $"the YAML is nested more than {limits.MaxDepth} levels deep");

    private static SourceLocation Loc(string path, Mark mark) => new(path, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    /// <summary>YamlDotNet prefixes messages with "(Line: .., Col: .., Idx: ..) - (...)": the location is reported separately.</summary>
    private static string Clean(string message)
    {
        var i = message.LastIndexOf("): ", StringComparison.Ordinal);
        var m = i >= 0 && message.StartsWith("(", StringComparison.Ordinal) ? message.Substring(i + 3) : message;
        return "YAML syntax error: " + m;
    }

    /// <summary>Whether the mapping already has <paramref name="key"/>. Most mappings hold a handful of keys and are
    /// scanned; a large one (a catalogue's, a hostile file's) gets a set, so the check stays linear overall.</summary>
    private static bool HasKey(Frame frame, YMapping map, string key)
    {
        if (map.Entries.Count < 16)
        {
            foreach (var e in map.Entries)
                if (e.Key.Value == key) return true;
            return false;
        }
        frame.Keys ??= new HashSet<string>(map.Entries.Select(e => e.Key.Value), StringComparer.Ordinal);
        return !frame.Keys.Add(key);
    }

    private sealed class Frame
    {
        public Frame(YNode node, string? anchor)
        {
            Node = node;
            Anchor = anchor;
        }

        public YNode Node { get; }
        public string? Anchor { get; }
        public bool Flow { get; set; }
        /// <summary>How many nodes this node stands for, aliases expanded.</summary>
        public long Weight { get; set; } = 1;
        public YScalar? PendingKey { get; set; }
        public HashSet<string>? Keys { get; set; }
    }
}
