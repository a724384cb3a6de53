using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace LicenceGuard.Core.Text;

/// <summary>
/// The canonical form of a licence text, so that a hash does not change with line endings or trailing spaces:
/// UTF-8 without BOM, CRLF/CR → LF, trailing spaces and tabs removed from each line, leading and trailing blank lines
/// removed, no final line feed.
/// </summary>
public static class LicenceText
{
    public static string Canonicalise(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text.Substring(1);
        var lines = new List<string>(text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'));
        for (var i = 0; i < lines.Count; i++) lines[i] = lines[i].TrimEnd(' ', '\t');
        while (lines.Count > 0 && lines[0].Length == 0) lines.RemoveAt(0);
        while (lines.Count > 0 && lines[lines.Count - 1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return string.Join("\n", lines);
    }

    public static string CanonicalSha256(string text) => Sha256Hex(Encoding.UTF8.GetBytes(Canonicalise(text)));

    public static string CanonicalSha256(byte[] bytes)
    {
        var text = new UTF8Encoding(false, false).GetString(bytes);
        return CanonicalSha256(text);
    }

    public static string Sha256Hex(byte[] bytes)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(bytes);
        var sb = new StringBuilder(64);
        foreach (var b in hash) sb.Append(b.ToString("x2"));
        return sb.ToString();
    }
}
