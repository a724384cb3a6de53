using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Cli.ManifestText;

/// <summary>What <c>licenceguard review</c> records for one model.</summary>
internal sealed record ReviewRecord(string By, DateTime Date, string TextSha256, string Source);

/// <summary>
/// Writes a model's <c>review:</c> into the text of models.yaml, touching only that entry: the rest of the file (its
/// comments, order, quoting and blank lines) stays as the person wrote it. The model is found through the parsed tree,
/// so its place is the one the build reads; the edit itself is on lines.
/// </summary>
internal static class ReviewEditor
{
    /// <summary>The new text, or null with <paramref name="problem"/> when the entry cannot be edited safely.</summary>
    public static string? SetReview(string text, string path, string modelId, ReviewRecord review, out string? problem)
    {
        problem = null;
        var root = YamlTreeReader.ReadText(text, path, out var error) as YMapping;
        if (root is null)
        {
            problem = error?.ToString() ?? $"{path}: not a YAML mapping";
            return null;
        }
        if (root["models"] is not YSequence models)
        {
            problem = $"{path}: no 'models:' list";
            return null;
        }
        var entry = models.Items.OfType<YMapping>().FirstOrDefault(m => Names(m).Contains(modelId, StringComparer.OrdinalIgnoreCase));
        if (entry is null)
        {
            problem = $"{path}: no model '{modelId}' (by id or alias) in 'models:'";
            return null;
        }
        var newline = text.Contains("\r\n") ? "\r\n" : "\n";
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        var value = Flow(review);
        var edited = IsFlow(lines, entry) ? EditFlow(lines, entry, value) : EditBlock(lines, entry, value);
        if (!edited)
        {
            problem = $"{path}({entry.Location.Line},{entry.Location.Column}): the entry of '{modelId}' is written in a form this command does not edit; add the review by hand: review: {value}";
            return null;
        }
        return string.Join(newline, lines);
    }

    private static IEnumerable<string> Names(YMapping model)
    {
        if (model["id"] is YScalar id) yield return id.Value;
        if (model["aliases"] is YSequence aliases)
            foreach (var alias in aliases.Items.OfType<YScalar>()) yield return alias.Value;
    }

    /// <summary>The review date's key.</summary>
    public const string DateKey = "date";

    private static string Flow(ReviewRecord r) =>
        "{ by: " + Quote(r.By) + ", " + DateKey + ": " + r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) +
        ", textSha256: " + Quote(r.TextSha256) + ", source: " + Quote(r.Source) + " }";

    /// <summary>A double-quoted YAML scalar: always safe, whatever the name or path holds.</summary>
    private static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    private static bool IsFlow(List<string> lines, YMapping entry)
    {
        var (line, column) = (entry.Location.Line - 1, entry.Location.Column - 1);
        return line < lines.Count && column < lines[line].Length && lines[line][column] == '{';
    }

    /// <summary>A block entry: the review line replaces the old review's lines, or follows the licence (else the last key).</summary>
    private static bool EditBlock(List<string> lines, YMapping entry, string value)
    {
        var keys = entry.Entries.Select(e => e.Key).ToList();
        var keyColumn = keys[0].Location.Column;
        if (keys.Any(k => k.Location.Column != keyColumn)) return false;
        var indent = lines[keys[0].Location.Line - 1].Substring(0, keyColumn - 1);
        var reviewLine = indent.Trim().Length == 0 ? indent + "review: " + value : new string(' ', keyColumn - 1) + "review: " + value;

        var existing = keys.FindIndex(k => k.Value == "review");
        if (existing >= 0)
        {
            var start = keys[existing].Location.Line - 1;
            var end = EndOfKey(lines, keys, existing, keyColumn);
            if (lines[start].TrimStart().StartsWith("- ", StringComparison.Ordinal)) return false;
            lines.RemoveRange(start, end - start + 1);
            lines.Insert(start, reviewLine);
            return true;
        }
        var after = keys.FindIndex(k => k.Value == "licence");
        if (after < 0) after = keys.Count - 1;
        lines.Insert(EndOfKey(lines, keys, after, keyColumn) + 1, reviewLine);
        return true;
    }

    /// <summary>The last line (0-based) of key <paramref name="index"/>'s value: up to the next key, else up to the first
    /// line that is not deeper than the keys (comments and blank lines after the value stay where they are).</summary>
    private static int EndOfKey(List<string> lines, List<YScalar> keys, int index, int keyColumn)
    {
        var start = keys[index].Location.Line - 1;
        var limit = index + 1 < keys.Count ? keys[index + 1].Location.Line - 1 : lines.Count;
        var last = start;
        for (var i = start + 1; i < limit; i++)
        {
            var line = lines[i];
            var content = line.TrimStart();
            if (content.Length == 0 || content.StartsWith("#", StringComparison.Ordinal)) continue;
            if (line.Length - content.Length < keyColumn) break;
            last = i;
        }
        return last;
    }

    /// <summary>A flow entry (<c>- { id: …, licence: … }</c>) on one line: the review goes in before its closing brace.</summary>
    private static bool EditFlow(List<string> lines, YMapping entry, string value)
    {
        var line = entry.Location.Line - 1;
        var open = entry.Location.Column - 1;
        var close = MatchingBrace(lines[line], open);
        if (close < 0 || entry.Entries.Any(e => e.Key.Value == "review")) return false;
        var before = lines[line].Substring(0, close).TrimEnd();
        lines[line] = before + ", review: " + value + " " + lines[line].Substring(close);
        return true;
    }

    private static int MatchingBrace(string line, int open)
    {
        var depth = 0;
        char? quote = null;
        for (var i = open; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != null)
            {
                if (c == '\\' && quote == '"') i++;
                else if (c == quote) quote = null;
                continue;
            }
            if (c == '"' || c == '\'') quote = c;
            else if (c == '{' || c == '[') depth++;
            else if ((c == '}' || c == ']') && --depth == 0) return i;
        }
        return -1;
    }
}
