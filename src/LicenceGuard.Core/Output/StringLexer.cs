using System.Collections.Generic;
using System.Text;

namespace LicenceGuard.Core.Output;

/// <summary>A string literal's value and where it starts (1-based line and column of its first character).</summary>
public readonly struct StringLiteral
{
    public StringLiteral(string value, int line, int column)
    {
        Value = value;
        Line = line;
        Column = column;
    }

    public string Value { get; }
    public int Line { get; }
    public int Column { get; }
}

/// <summary>
/// Just enough of the C# and JSON lexical grammars to find plain string literals with their positions: comments,
/// character literals, verbatim, raw and interpolated strings are recognised so that nothing inside them is mistaken
/// for a literal, and only literals without interpolation holes are returned.
/// </summary>
public static class StringLexer
{
    public static List<StringLiteral> JsonStrings(string text)
    {
        var result = new List<StringLiteral>();
        var cursor = new Cursor(text);
        while (!cursor.End)
        {
            if (cursor.Peek() == '"')
            {
                var (line, col) = (cursor.Line, cursor.Column);
                cursor.Next();
                var value = cursor.ReadEscaped();
                if (value != null) result.Add(new StringLiteral(value, line, col));
            }
            else cursor.Next();
        }
        return result;
    }

    public static List<StringLiteral> CSharpStrings(string text)
    {
        var result = new List<StringLiteral>();
        var c = new Cursor(text);
        ScanCode(c, result, stopAtBrace: false);
        return result;
    }

    /// <summary>Code until the end, or until the '}' that closes an interpolation hole.</summary>
    private static void ScanCode(Cursor c, List<StringLiteral> result, bool stopAtBrace)
    {
        var depth = 0;
        while (!c.End)
        {
            var ch = c.Peek();
            if (ch == '/' && c.Peek(1) == '/') { c.SkipLine(); continue; }
            if (ch == '/' && c.Peek(1) == '*') { c.SkipBlockComment(); continue; }
            if (ch == '\'') { c.SkipCharLiteral(); continue; }
            if (stopAtBrace)
            {
                if (ch == '{') depth++;
                else if (ch == '}' && depth-- == 0) { c.Next(); return; }
            }
            if (ch == '"' || ((ch == '@' || ch == '$') && IsStringPrefix(c)))
            {
                ReadString(c, result);
                continue;
            }
            c.Next();
        }
    }

    private static bool IsStringPrefix(Cursor c)
    {
        var i = 0;
        while (c.Peek(i) == '$' || c.Peek(i) == '@') i++;
        return i > 0 && c.Peek(i) == '"';
    }

    private static void ReadString(Cursor c, List<StringLiteral> result)
    {
        var (line, col) = (c.Line, c.Column);
        var dollars = 0;
        var verbatim = false;
        while (c.Peek() == '$' || c.Peek() == '@')
        {
            if (c.Peek() == '$') dollars++; else verbatim = true;
            c.Next();
        }
        var quotes = 0;
        while (c.Peek(quotes) == '"') quotes++;
        if (quotes >= 3)
        {
            for (var i = 0; i < quotes; i++) c.Next();
            var raw = c.ReadRaw(quotes, dollars, r => ScanCode(c, result, stopAtBrace: true));
            if (raw != null && dollars == 0) result.Add(new StringLiteral(raw, line, col));
            return;
        }
        c.Next();
        string? value;
        if (verbatim) value = c.ReadVerbatim(dollars > 0 ? () => ScanCode(c, result, stopAtBrace: true) : null);
        else value = dollars > 0 ? c.ReadInterpolated(() => ScanCode(c, result, stopAtBrace: true)) : c.ReadEscaped();
        if (value != null && dollars == 0) result.Add(new StringLiteral(value, line, col));
    }

    private sealed class Cursor
    {
        private readonly string _text;
        private int _pos;

        public Cursor(string text) => _text = text;

        public int Line { get; private set; } = 1;
        public int Column { get; private set; } = 1;
        public bool End => _pos >= _text.Length;

        public char Peek(int ahead = 0) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

        public void Next()
        {
            if (End) return;
            if (_text[_pos] == '\n') { Line++; Column = 1; }
            else Column++;
            _pos++;
        }

        public void SkipLine()
        {
            while (!End && Peek() != '\n') Next();
        }

        public void SkipBlockComment()
        {
            Next(); Next();
            while (!End && !(Peek() == '*' && Peek(1) == '/')) Next();
            Next(); Next();
        }

        public void SkipCharLiteral()
        {
            Next();
            for (var i = 0; i < 12 && !End && Peek() != '\'' && Peek() != '\n'; i++)
            {
                if (Peek() == '\\') Next();
                Next();
            }
            if (Peek() == '\'') Next();
        }

        /// <summary>After the opening quote of "…" (C# regular or JSON): the value, or null when the line ends first.</summary>
        public string? ReadEscaped()
        {
            // Most literals have no escapes: slice the text, and build a string only when an escape needs decoding.
            var start = _pos;
            StringBuilder? sb = null;
            while (!End)
            {
                var ch = Peek();
                if (ch == '"')
                {
                    var value = sb is null ? _text.Substring(start, _pos - start) : sb.ToString();
                    Next();
                    return value;
                }
                if (ch == '\n') return null;
                if (ch == '\\')
                {
                    sb ??= new StringBuilder().Append(_text, start, _pos - start);
                    Next();
                    var e = Peek();
                    sb.Append(e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', _ => e });
                    Next();
                    continue;
                }
                sb?.Append(ch);
                Next();
            }
            return null;
        }

        /// <summary>After the opening quote of @"…" ("" is a quote); holes go to <paramref name="hole"/> when interpolated.</summary>
        public string? ReadVerbatim(System.Action? hole)
        {
            var sb = new StringBuilder();
            while (!End)
            {
                var ch = Peek();
                if (ch == '"')
                {
                    Next();
                    if (Peek() != '"') return sb.ToString();
                    sb.Append('"');
                    Next();
                    continue;
                }
                if (hole != null && ch == '{')
                {
                    Next();
                    if (Peek() == '{') { Next(); continue; }
                    hole();
                    continue;
                }
                sb.Append(ch);
                Next();
            }
            return null;
        }

        /// <summary>After the opening quote of $"…": skips holes (which may hold strings of their own).</summary>
        public string? ReadInterpolated(System.Action hole)
        {
            while (!End)
            {
                var ch = Peek();
                if (ch == '"') { Next(); return string.Empty; }
                if (ch == '\n') return null;
                if (ch == '\\') { Next(); Next(); continue; }
                if (ch == '{')
                {
                    Next();
                    if (Peek() == '{') { Next(); continue; }
                    hole();
                    continue;
                }
                Next();
            }
            return null;
        }

        /// <summary>After the opening quotes of a raw string: the content of a one-line raw string, else null.</summary>
        public string? ReadRaw(int quotes, int dollars, System.Action<int> hole)
        {
            var sb = new StringBuilder();
            var multiLine = false;
            while (!End)
            {
                var ch = Peek();
                if (ch == '"')
                {
                    var n = 0;
                    while (Peek(n) == '"') n++;
                    if (n >= quotes)
                    {
                        for (var i = 0; i < n; i++) Next();
                        return multiLine ? null : sb.ToString();
                    }
                }
                if (dollars > 0 && ch == '{')
                {
                    var n = 0;
                    while (Peek(n) == '{') n++;
                    if (n >= dollars)
                    {
                        for (var i = 0; i < n; i++) Next();
                        hole(n);
                        continue;
                    }
                }
                if (ch == '\n') multiLine = true;
                sb.Append(ch);
                Next();
            }
            return null;
        }
    }
}
