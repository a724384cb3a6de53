using System;
using System.Text;

namespace LicenceGuard.Core.Text;

/// <summary>
/// Turns file bytes into text the way a person expects: a BOM decides UTF-8/16/32; without one the bytes must be
/// valid UTF-8. Anything else is reported at the line and column of the first bad byte instead of being read as garbage.
/// </summary>
public static class TextDecoder
{
    public static bool TryDecode(byte[] bytes, out string text, out int errorLine, out int errorColumn, out string error)
    {
        text = string.Empty;
        errorLine = errorColumn = 0;
        error = string.Empty;
        try
        {
            if (StartsWith(bytes, 0xEF, 0xBB, 0xBF))
                return Strict(new UTF8Encoding(false, true), bytes, 3, out text, out errorLine, out errorColumn, out error);
            if (StartsWith(bytes, 0xFF, 0xFE, 0x00, 0x00))
                return Strict(new UTF32Encoding(false, false, true), bytes, 4, out text, out errorLine, out errorColumn, out error);
            if (StartsWith(bytes, 0x00, 0x00, 0xFE, 0xFF))
                return Strict(new UTF32Encoding(true, false, true), bytes, 4, out text, out errorLine, out errorColumn, out error);
            if (StartsWith(bytes, 0xFF, 0xFE))
                return Strict(new UnicodeEncoding(false, false, true), bytes, 2, out text, out errorLine, out errorColumn, out error);
            if (StartsWith(bytes, 0xFE, 0xFF))
                return Strict(new UnicodeEncoding(true, false, true), bytes, 2, out text, out errorLine, out errorColumn, out error);
            return Strict(new UTF8Encoding(false, true), bytes, 0, out text, out errorLine, out errorColumn, out error);
        }
        catch (DecoderFallbackException)
        {
            error = "the file is not valid text in UTF-8, UTF-16 or UTF-32";
            errorLine = errorColumn = 1;
            return false;
        }
    }

    private static bool Strict(Encoding encoding, byte[] bytes, int skip, out string text, out int line, out int column, out string error)
    {
        line = column = 0;
        error = string.Empty;
        try
        {
            text = encoding.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException ex)
        {
            text = string.Empty;
            var bad = ex.Index >= 0 ? skip + ex.Index : FirstInvalidUtf8(bytes, skip);
            Position(bytes, skip, bad, out line, out column);
            error = encoding is UTF8Encoding
                ? $"the file is not valid UTF-8 (byte 0x{bytes[Math.Min(bad, bytes.Length - 1)]:X2} at offset {bad}); save it as UTF-8"
                : $"the file is not valid {encoding.EncodingName}";
            return false;
        }

        var nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            LineColumn(text, nul, out line, out column);
            error = "the file contains a NUL character: it looks binary, not YAML";
            return false;
        }
        return true;
    }

    private static int FirstInvalidUtf8(byte[] bytes, int start)
    {
        var decoder = new UTF8Encoding(false, true);
        for (var end = start + 1; end <= bytes.Length; end++)
        {
            try { decoder.GetCharCount(bytes, start, end - start); }
            catch (DecoderFallbackException) { return end - 1; }
        }
        return bytes.Length - 1;
    }

    /// <summary>Line and column of a byte offset, counting lines by LF and columns in bytes of the line.</summary>
    private static void Position(byte[] bytes, int start, int offset, out int line, out int column)
    {
        line = 1;
        var lineStart = start;
        for (var i = start; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        column = offset - lineStart + 1;
    }

    public static void LineColumn(string text, int index, out int line, out int column)
    {
        line = 1;
        var lineStart = 0;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        column = index - lineStart + 1;
    }

    private static bool StartsWith(byte[] bytes, params byte[] prefix)
    {
        if (bytes.Length < prefix.Length) return false;
        for (var i = 0; i < prefix.Length; i++)
            if (bytes[i] != prefix[i]) return false;
        return true;
    }
}
