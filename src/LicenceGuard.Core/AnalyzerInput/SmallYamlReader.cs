using System;
using System.Collections.Generic;
using System.Text;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.AnalyzerInput;

/// <summary>
/// A YAML reader for the compiler's process, where LicenceGuard must not load a third-party assembly (another analyzer
/// may carry a different YamlDotNet, and the compiler loads one copy for all). It reads the subset that models.yaml,
/// rules/models/*.yaml and rules/sdk-apis.yaml use — block and flow mappings and sequences, plain, quoted and block
/// scalars, comments — into the same located <see cref="YNode"/> tree as <see cref="YamlTreeReader"/> (a test compares
/// the two on every embedded rules file). Anchors, aliases, tags, complex keys and several documents are refused with
/// a located error, never an exception: the build, which reads with YamlDotNet, reports the file authoritatively.
/// </summary>
public sealed partial class SmallYamlReader
{
    private readonly string _text;
    private readonly string _path;
    private readonly List<int> _lineStarts = new() { 0 };
    private int _p;
    private int _depth;

    private SmallYamlReader(string text, string path)
    {
        _text = text;
        _path = path;
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') _lineStarts.Add(i + 1);
    }

    /// <summary>The document's root (null for an empty one), or null with the first problem, located.</summary>
    public static YNode? Read(string text, string path, out YamlError? error)
    {
        error = null;
        if (text.Length > 0 && text[0] == '\uFEFF') text = text.Substring(1);
        if (text.Length > YamlLimits.Default.MaxBytes)
        {
            error = new YamlError(new SourceLocation(path, 1, 1), $"the file is over the limit of {YamlLimits.Default.MaxBytes} characters");
            return null;
        }
        // Line breaks as one character; columns are unchanged because a CR only ever ends a line.
        var reader = new SmallYamlReader(text.Replace("\r\n", "\n").Replace('\r', '\n'), path);
        try
        {
            return reader.Document();
        }
        catch (SmallYamlException ex)
        {
            error = new YamlError(ex.Location, ex.Message);
            return null;
        }
    }

    private YNode? Document()
    {
        SkipToContent();
        if (AtMarker("---")) SkipLine();
        if (SkipToContent() < 0) return null;
        var root = Block(-1, sequenceAtSameIndent: false, Here());
        if (SkipToContent() >= 0)
        {
            if (AtMarker("...") && (SkipLineAndContent() < 0)) return root;
            throw Error(AtMarker("---") ? "only one YAML document is allowed in this file" : "unexpected content: check the indentation");
        }
        return root;
    }

    /// <summary>A node that starts on a line of its own, more indented than its parent (a list may also sit at its key's indentation).</summary>
    private YNode Block(int parentIndent, bool sequenceAtSameIndent, SourceLocation emptyAt)
    {
        var indent = SkipToContent();
        if (indent < 0 || indent < parentIndent || AtDocumentMarker() || indent == parentIndent && !(sequenceAtSameIndent && IsSequenceEntry())) return new YScalar(emptyAt, string.Empty, false);
        return Node(indent, parentIndent);
    }

    private YSequence BlockSequence(int indent)
    {
        var sequence = new YSequence(Here(), new List<YNode>());
        while (true)
        {
            var dash = Here();
            _p++;
            SkipSpaces();
            if (AtLineEnd()) sequence.Items.Add(Block(indent, sequenceAtSameIndent: false, dash));
            else sequence.Items.Add(Node(Column0(), indent));
            var next = SkipToContent();
            if (next < indent || AtDocumentMarker()) return sequence;
            if (next > indent) throw Error("this line is indented further than the list item before it");
            if (!IsSequenceEntry()) return sequence;
        }
    }

    /// <summary>A node starting at <paramref name="column"/> (after "- ", a compact mapping or list): a list, a mapping, or a scalar or flow node.</summary>
    private YNode Node(int column, int parentIndent)
    {
        if (++_depth > YamlLimits.Default.MaxDepth) throw Error($"the YAML is nested more than {YamlLimits.Default.MaxDepth} levels deep");
        try
        {
            if (IsSequenceEntry()) return BlockSequence(column);
            if (LooksLikeKey()) return BlockMapping(column);
            return Inline(parentIndent);
        }
        finally
        {
            _depth--;
        }
    }

    private YMapping BlockMapping(int indent)
    {
        var mapping = new YMapping(Here(), new List<KeyValuePair<YScalar, YNode>>());
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var key = Key();
            if (!keys.Add(key.Value)) throw new SmallYamlException(key.Location, $"the key '{key.Value}' appears twice in the same mapping");
            var afterColon = Here();
            SkipSpaces();
            var value = AtLineEnd() ? Block(indent, sequenceAtSameIndent: true, afterColon) : Inline(indent);
            mapping.Entries.Add(new KeyValuePair<YScalar, YNode>(key, value));
            var next = SkipToContent();
            if (next < indent || AtDocumentMarker()) return mapping;
            if (next > indent) throw Error("this line is indented further than the key before it: is a ':' missing, or the line indented too far?");
            if (IsSequenceEntry()) throw Error("a list item where a key was expected: indent it under its key");
            if (!LooksLikeKey()) throw Error("expected 'key: value' here");
        }
    }

    /// <summary>A node that starts after a key's colon or a list's dash, on the same line.</summary>
    private YNode Inline(int parentIndent)
    {
        YNode node;
        switch (Current)
        {
            case '[':
            case '{':
                node = Flow();
                break;
            case '"':
            case '\'':
                node = Quoted();
                break;
            case '|':
            case '>':
                return BlockScalar(parentIndent);
            default:
                return PlainBlockScalar(parentIndent);
        }
        SkipSpaces();
        if (!AtLineEnd()) throw Error("unexpected text after the value");
        return node;
    }

    private YScalar Key()
    {
        var at = Here();
        string value;
        bool quoted;
        if (Current == '"' || Current == '\'')
        {
            var scalar = Quoted();
            value = scalar.Value;
            quoted = true;
            SkipSpaces();
        }
        else
        {
            CheckPlainStart();
            var start = _p;
            while (!(Current == ':' && IsBlankOrEnd(_p + 1))) _p++;
            value = _text.Substring(start, _p - start).TrimEnd(' ', '\t');
            quoted = false;
        }
        if (Current != ':') throw Error("expected ':' after the key");
        _p++;
        return new YScalar(at, value, quoted);
    }

    /// <summary>Whether the current line is "key: …" (a plain or quoted key followed by a colon and a blank).</summary>
    private bool LooksLikeKey()
    {
        var i = _p;
        if (i >= _text.Length) return false;
        var c = _text[i];
        if (c == '"' || c == '\'')
        {
            for (i++; i < _text.Length && _text[i] != '\n'; i++)
            {
                if (c == '"' && _text[i] == '\\') { i++; continue; }
                if (_text[i] != c) continue;
                if (c == '\'' && i + 1 < _text.Length && _text[i + 1] == '\'') { i++; continue; }
                break;
            }
            for (i++; i < _text.Length && (_text[i] == ' ' || _text[i] == '\t'); i++) { }
            return i < _text.Length && _text[i] == ':' && IsBlankOrEnd(i + 1);
        }
        if (c == '[' || c == '{' || c == '#' || c == '|' || c == '>') return false;
        for (; i < _text.Length && _text[i] != '\n'; i++)
        {
            if (_text[i] == '#' && (_text[i - 1] == ' ' || _text[i - 1] == '\t')) return false;
            if (_text[i] == ':' && IsBlankOrEnd(i + 1)) return true;
        }
        return false;
    }

    private bool IsSequenceEntry() => Current == '-' && IsBlankOrEnd(_p + 1);

    /// <summary>Skips blank and comment lines; the indentation (0-based column) of the next content, or -1 at the end.</summary>
    private int SkipToContent()
    {
        while (_p < _text.Length)
        {
            var lineStart = _lineStarts[LineIndex(_p)];
            var i = _p;
            // Only a position at a line's indentation counts as a fresh line; mid-line callers have consumed their content.
            if (i == lineStart || _text.Substring(lineStart, i - lineStart).Trim(' ').Length == 0)
            {
                while (i < _text.Length && _text[i] == ' ') i++;
                if (i < _text.Length && _text[i] == '\t') throw new SmallYamlException(Loc(i), "a tab in the indentation: YAML indents with spaces");
            }
            else
            {
                while (i < _text.Length && (_text[i] == ' ' || _text[i] == '\t')) i++;
            }
            if (i >= _text.Length) { _p = i; return -1; }
            if (_text[i] == '\n' || _text[i] == '#')
            {
                _p = i;
                SkipLine();
                continue;
            }
            _p = i;
            return i - _lineStarts[LineIndex(i)];
        }
        return -1;
    }

    private int SkipLineAndContent()
    {
        SkipLine();
        return SkipToContent();
    }

    private void SkipLine()
    {
        while (_p < _text.Length && _text[_p] != '\n') _p++;
        if (_p < _text.Length) _p++;
    }

    private void SkipSpaces()
    {
        while (_p < _text.Length && (_text[_p] == ' ' || _text[_p] == '\t')) _p++;
    }

    /// <summary>At the end of the line's content: its end, or a comment.</summary>
    private bool AtLineEnd() => _p >= _text.Length || _text[_p] == '\n' || _text[_p] == '#';

    private bool AtDocumentMarker() => AtMarker("---") || AtMarker("...");

    private bool AtMarker(string marker) =>
        Column0() == 0 && string.CompareOrdinal(_text, _p, marker, 0, 3) == 0 && IsBlankOrEnd(_p + 3);

    private bool IsBlankOrEnd(int i) => i >= _text.Length || _text[i] == ' ' || _text[i] == '\t' || _text[i] == '\n';

    private char Current => _p < _text.Length ? _text[_p] : '\0';

    private void CheckPlainStart()
    {
        switch (Current)
        {
            case '&':
            case '*':
            case '!':
                throw Error("anchors, aliases and tags are not read in the editor; the build reads this file with a full YAML parser");
            case '?':
                if (IsBlankOrEnd(_p + 1)) throw Error("complex keys ('? ') are not read in the editor; the build reads this file with a full YAML parser");
                break;
            case '%':
            case '@':
            case '`':
                throw Error($"'{Current}' cannot start a plain value: quote it");
        }
    }

    private int LineIndex(int position)
    {
        var index = _lineStarts.BinarySearch(position);
        return index >= 0 ? index : ~index - 1;
    }

    private int Column0() => _p - _lineStarts[LineIndex(_p)];

    private SourceLocation Loc(int position)
    {
        var line = LineIndex(Math.Min(position, _text.Length));
        return new SourceLocation(_path, line + 1, Math.Min(position, _text.Length) - _lineStarts[line] + 1);
    }

    private SourceLocation Here() => Loc(_p);

    private SmallYamlException Error(string message) => new(Here(), message);

    private sealed class SmallYamlException : Exception
    {
        public SmallYamlException(SourceLocation location, string message) : base(message) => Location = location;

        public SourceLocation Location { get; }
    }
}
