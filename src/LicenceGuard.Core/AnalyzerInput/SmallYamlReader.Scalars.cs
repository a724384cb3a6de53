using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.AnalyzerInput;

/// <summary>Scalars and flow collections, with YAML's line folding.</summary>
public sealed partial class SmallYamlReader
{
    /// <summary>A plain scalar in block context; lines indented under its parent continue it, folded with a space.</summary>
    private YScalar PlainBlockScalar(int parentIndent)
    {
        CheckPlainStart();
        var at = Here();
        var value = new StringBuilder(PlainLine());
        while (true)
        {
            // Look ahead: blank lines, then a line indented under the parent continues the value.
            var save = _p;
            var blanks = 0;
            if (Current == '#') break;
            if (_p < _text.Length) _p++;
            while (true)
            {
                var i = _p;
                while (i < _text.Length && _text[i] == ' ') i++;
                if (i < _text.Length && _text[i] == '\n') { blanks++; _p = i + 1; continue; }
                var indent = i - _p;
                if (i >= _text.Length || indent <= parentIndent || _text[i] == '#' || indent == 0 && (AtMarkerAt(i, "---") || AtMarkerAt(i, "..."))) { _p = save; return new YScalar(at, value.ToString(), false); }
                _p = i;
                break;
            }
            value.Append(blanks == 0 ? " " : new string('\n', blanks));
            value.Append(PlainLine());
        }
        return new YScalar(at, value.ToString(), false);
    }

    /// <summary>One line of a plain scalar, up to a comment or the line's end; stops at that end.</summary>
    private string PlainLine()
    {
        var start = _p;
        while (_p < _text.Length && _text[_p] != '\n')
        {
            if (_text[_p] == '#' && _p > start && (_text[_p - 1] == ' ' || _text[_p - 1] == '\t')) break;
            if (_text[_p] == ':' && IsBlankOrEnd(_p + 1)) throw Error("a ': ' inside a value: quote the value");
            _p++;
        }
        return _text.Substring(start, _p - start).Trim(' ', '\t');
    }

    private bool AtMarkerAt(int i, string marker) => string.CompareOrdinal(_text, i, marker, 0, 3) == 0 && IsBlankOrEnd(i + 3);

    /// <summary>A single- or double-quoted scalar ('' and backslash escapes), folded over lines.</summary>
    private YScalar Quoted()
    {
        var quote = Current;
        var at = Here();
        _p++;
        var value = new StringBuilder();
        // The length without the raw blanks at its end: they go when the line breaks.
        var kept = 0;
        while (true)
        {
            if (_p >= _text.Length) throw new SmallYamlException(at, "the quoted value that starts here is not closed");
            var c = _text[_p];
            if (c == quote && quote == '\'' && _p + 1 < _text.Length && _text[_p + 1] == '\'')
            {
                value.Append('\'');
                _p += 2;
                kept = value.Length;
            }
            else if (c == quote)
            {
                _p++;
                return new YScalar(at, value.ToString(), true);
            }
            else if (c == '\\' && quote == '"')
            {
                _p++;
                if (Current == '\n')
                {
                    _p++;
                    SkipSpaces();
                    continue;
                }
                value.Append(Escape());
                kept = value.Length;
            }
            else if (c == '\n')
            {
                value.Length = kept;
                Fold(value);
                kept = value.Length;
            }
            else
            {
                value.Append(c);
                _p++;
                if (c != ' ' && c != '\t') kept = value.Length;
            }
        }
    }

    /// <summary>At a line break inside a quoted scalar: one break is a space, each blank line after it a line feed.</summary>
    private void Fold(StringBuilder value)
    {
        var blanks = 0;
        _p++;
        while (true)
        {
            SkipSpaces();
            if (Current != '\n') break;
            blanks++;
            _p++;
        }
        value.Append(blanks == 0 ? " " : new string('\n', blanks));
    }

    private string Escape()
    {
        var c = Current;
        _p++;
        switch (c)
        {
            case '0': return "\0";
            case 'a': return "\a";
            case 'b': return "\b";
            case 't':
            case '\t': return "\t";
            case 'n': return "\n";
            case 'v': return "\v";
            case 'f': return "\f";
            case 'r': return "\r";
            case 'e': return "\u001b";
            case ' ': return " ";
            case '"': return "\"";
            case '/': return "/";
            case '\\': return "\\";
            case 'N': return "\u0085";
            case '_': return "\u00a0";
            case 'L': return "\u2028";
            case 'P': return "\u2029";
            case 'x': return Hex(2);
            case 'u': return Hex(4);
            case 'U': return Hex(8);
            default:
                _p--;
                throw Error($"unknown escape '\\{c}' in a double-quoted value");
        }
    }

    private string Hex(int digits)
    {
        if (_p + digits > _text.Length || !int.TryParse(_text.Substring(_p, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) ||
            code < 0 || code > 0x10FFFF || code >= 0xD800 && code <= 0xDFFF)
            throw Error($"a \\x, \\u or \\U escape needs {digits} hexadecimal digits naming a character");
        _p += digits;
        return char.ConvertFromUtf32(code);
    }

    /// <summary>A literal (|) or folded (>) block scalar, with its chomping (-, +) and indentation indicators.</summary>
    private YScalar BlockScalar(int parentIndent)
    {
        var at = Here();
        var literal = Current == '|';
        _p++;
        char chomp = ' ';
        var explicitIndent = 0;
        for (var k = 0; k < 2; k++)
        {
            if (Current == '-' || Current == '+') chomp = _text[_p++];
            else if (Current >= '1' && Current <= '9') explicitIndent = _text[_p++] - '0';
        }
        SkipSpaces();
        if (!AtLineEnd()) throw Error("unexpected text after the block scalar's | or >");
        SkipLine();

        var indent = explicitIndent > 0 ? Math.Max(parentIndent, 0) + explicitIndent : FirstContentIndent();
        var lines = new List<string>();
        while (_p < _text.Length && indent > parentIndent)
        {
            var end = _text.IndexOf('\n', _p);
            if (end < 0) end = _text.Length;
            var line = _text.Substring(_p, end - _p);
            var spaces = 0;
            while (spaces < line.Length && line[spaces] == ' ') spaces++;
            if (spaces == line.Length) lines.Add(string.Empty);
            else if (spaces >= indent) lines.Add(line.Substring(indent));
            else break;
            _p = Math.Min(end + 1, _text.Length);
        }
        var last = lines.FindLastIndex(l => l.Length > 0);
        var trailing = lines.Count - 1 - last;
        lines.RemoveRange(last + 1, lines.Count - last - 1);
        var body = literal ? string.Join("\n", lines) : Folded(lines);
        var value = lines.Count == 0 ? (chomp == '+' ? new string('\n', trailing) : string.Empty)
            : chomp == '-' ? body : chomp == '+' ? body + "\n" + new string('\n', trailing) : body + "\n";
        return new YScalar(at, value, true);
    }

    /// <summary>The indentation of a block scalar's first non-blank line (from the current line on).</summary>
    private int FirstContentIndent()
    {
        for (var i = _p; i < _text.Length;)
        {
            var spaces = 0;
            while (i + spaces < _text.Length && _text[i + spaces] == ' ') spaces++;
            if (i + spaces >= _text.Length) return -1;
            if (_text[i + spaces] != '\n') return spaces;
            i += spaces + 1;
        }
        return -1;
    }

    private static string Folded(List<string> lines)
    {
        var value = new StringBuilder();
        var blanks = 0;
        var first = true;
        var previousNormal = false;
        foreach (var line in lines)
        {
            if (line.Length == 0) { blanks++; continue; }
            var moreIndented = line[0] == ' ' || line[0] == '\t';
            if (first) value.Append('\n', blanks);
            else if (previousNormal && !moreIndented) value.Append(blanks == 0 ? " " : new string('\n', blanks));
            else value.Append('\n', blanks + 1);
            value.Append(line);
            previousNormal = !moreIndented;
            blanks = 0;
            first = false;
        }
        return value.ToString();
    }

    private YNode Flow()
    {
        if (++_depth > YamlLimits.Default.MaxDepth) throw Error($"the YAML is nested more than {YamlLimits.Default.MaxDepth} levels deep");
        try
        {
            return Current == '[' ? FlowSequence() : FlowMapping();
        }
        finally
        {
            _depth--;
        }
    }

    private YSequence FlowSequence()
    {
        var sequence = new YSequence(Here(), new List<YNode>());
        _p++;
        while (true)
        {
            SkipFlowSpace();
            if (Current == ']') { _p++; return sequence; }
            if (_p >= _text.Length) throw new SmallYamlException(sequence.Location, "the [ list opened here is not closed");
            sequence.Items.Add(FlowNode());
            SkipFlowSpace();
            if (Current == ':') throw Error("a 'key: value' pair inside a [ list is not read in the editor; write it as { key: value }");
            if (Current == ',') { _p++; continue; }
            if (Current == ']') { _p++; return sequence; }
            if (_p >= _text.Length) throw new SmallYamlException(sequence.Location, "the [ list opened here is not closed");
            throw Error("expected ',' or ']' in the [ list");
        }
    }

    private YMapping FlowMapping()
    {
        var mapping = new YMapping(Here(), new List<KeyValuePair<YScalar, YNode>>());
        var keys = new HashSet<string>(StringComparer.Ordinal);
        _p++;
        while (true)
        {
            SkipFlowSpace();
            if (Current == '}') { _p++; return mapping; }
            if (_p >= _text.Length) throw new SmallYamlException(mapping.Location, "the { mapping opened here is not closed");
            if (Current == '[' || Current == '{') throw Error("a key must be a plain value, not a list or mapping");
            var key = Current == '"' || Current == '\'' ? Quoted() : PlainFlow();
            if (!keys.Add(key.Value)) throw new SmallYamlException(key.Location, $"the key '{key.Value}' appears twice in the same mapping");
            SkipFlowSpace();
            var hasValue = false;
            if (Current == ':')
            {
                _p++;
                SkipFlowSpace();
                hasValue = Current != ',' && Current != '}';
            }
            var value = hasValue ? FlowNode() : new YScalar(Here(), string.Empty, false);
            mapping.Entries.Add(new KeyValuePair<YScalar, YNode>(key, value));
            SkipFlowSpace();
            if (Current == ',') { _p++; continue; }
            if (Current == '}') { _p++; return mapping; }
            if (_p >= _text.Length) throw new SmallYamlException(mapping.Location, "the { mapping opened here is not closed");
            throw Error("expected ',' or '}' in the { mapping");
        }
    }

    private YNode FlowNode() => Current switch
    {
        '[' or '{' => Flow(),
        '"' or '\'' => Quoted(),
        _ => PlainFlow(),
    };

    /// <summary>A plain scalar inside [ ] or { }: it ends at , [ ] { }, a ': ' or a comment, and may fold over lines.</summary>
    private YScalar PlainFlow()
    {
        CheckPlainStart();
        var at = Here();
        var value = new StringBuilder();
        while (true)
        {
            var start = _p;
            while (_p < _text.Length && !EndsPlainFlow()) _p++;
            var segment = _text.Substring(start, _p - start).Trim(' ', '\t');
            if (segment.Length == 0 && value.Length == 0) throw Error("an empty entry: remove the extra ','");
            value.Append(segment);
            if (Current != '\n') return new YScalar(at, value.ToString(), false);
            var breaks = 0;
            while (Current == '\n' || Current == ' ' || Current == '\t')
            {
                if (Current == '\n') breaks++;
                _p++;
            }
            if (_p >= _text.Length || ",[]{}#:".IndexOf(Current) >= 0) return new YScalar(at, value.ToString(), false);
            value.Append(breaks == 1 ? " " : new string('\n', breaks - 1));
        }
    }

    private bool EndsPlainFlow()
    {
        var c = _text[_p];
        if (c == '\n' || c == ',' || c == '[' || c == ']' || c == '{' || c == '}') return true;
        if (c == ':' && (IsBlankOrEnd(_p + 1) || ",[]{}".IndexOf(_p + 1 < _text.Length ? _text[_p + 1] : ' ') >= 0)) return true;
        return c == '#' && _p > 0 && (_text[_p - 1] == ' ' || _text[_p - 1] == '\t');
    }

    private void SkipFlowSpace()
    {
        while (_p < _text.Length)
        {
            var c = _text[_p];
            if (c == ' ' || c == '\t' || c == '\n') { _p++; continue; }
            if (c == '#' && (_p == 0 || _text[_p - 1] == ' ' || _text[_p - 1] == '\t' || _text[_p - 1] == '\n'))
            {
                while (_p < _text.Length && _text[_p] != '\n') _p++;
                continue;
            }
            return;
        }
    }
}
