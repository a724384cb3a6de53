using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace LicenceGuard.Analyzers.Manifest;

/// <summary>
/// Adds a model entry to the text of models.yaml as a person would: at the end of the <c>models:</c> list, with the
/// list's own indentation and line endings, leaving every other line (and comment) as it was. The review is left
/// empty on purpose: only a person who read the licence may fill it in.
/// </summary>
public static class ManifestEditor
{
    private static readonly Regex ModelsKey = new(@"^models:\s*(\[\s*\])?\s*(#.*)?$", RegexOptions.CultureInvariant);
    private static readonly Regex TopLevelKey = new(@"^[^\s#-][^:]*:", RegexOptions.CultureInvariant);

    public static string AddModel(string yaml, ModelDraft draft)
    {
        var newline = yaml.IndexOf("\r\n", StringComparison.Ordinal) >= 0 ? "\r\n" : "\n";
        var lines = new List<string>(yaml.Split('\n'));
        for (var i = 0; i < lines.Count; i++) lines[i] = lines[i].TrimEnd('\r');
        var endsWithNewline = yaml.Length == 0 || yaml.EndsWith("\n", StringComparison.Ordinal);
        if (endsWithNewline && lines.Count > 0 && lines[lines.Count - 1].Length == 0) lines.RemoveAt(lines.Count - 1);

        var keyLine = lines.FindIndex(l => ModelsKey.IsMatch(l));
        if (keyLine < 0)
        {
            lines.Add("models:");
            lines.AddRange(Entry(draft, "  "));
            return string.Join(newline, lines) + newline;
        }
        var match = ModelsKey.Match(lines[keyLine]);
        if (match.Groups[1].Success) lines[keyLine] = "models:" + (match.Groups[2].Success ? " " + match.Groups[2].Value : string.Empty);

        var indent = "  ";
        var insertAt = lines.Count;
        for (var i = keyLine + 1; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith("#", StringComparison.Ordinal)) continue;
            if (TopLevelKey.IsMatch(line))
            {
                insertAt = i;
                break;
            }
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("- ", StringComparison.Ordinal) && indent == "  " && i == FirstItem(lines, keyLine)) indent = line.Substring(0, line.Length - trimmed.Length);
        }
        // Keep blank lines and comments that precede the next top-level key with that key.
        while (insertAt > keyLine + 1 && (lines[insertAt - 1].Trim().Length == 0 || lines[insertAt - 1].StartsWith("#", StringComparison.Ordinal))) insertAt--;
        lines.InsertRange(insertAt, Entry(draft, indent));
        return string.Join(newline, lines) + newline;
    }

    private static int FirstItem(List<string> lines, int keyLine)
    {
        for (var i = keyLine + 1; i < lines.Count; i++)
            if (lines[i].TrimStart().StartsWith("- ", StringComparison.Ordinal)) return i;
        return -1;
    }

    private static IEnumerable<string> Entry(ModelDraft d, string indent)
    {
        var inner = indent + "  ";
        yield return $"{indent}- id: {Quote(d.Id)}";
        foreach (var place in d.FoundAt) yield return $"{inner}# used at {place}";
        if (d.ReferenceKind == "deployment-name")
            yield return $"{inner}# an Azure OpenAI deployment name: the licence is that of the model it deploys";
        if (d.Kind != null) yield return $"{inner}kind: {d.Kind}";
        if (d.Maker != null) yield return $"{inner}maker: {Quote(d.Maker)}";
        if (d.Provider != null) yield return $"{inner}provider: {d.Provider}";
        yield return d.Licence != null
            ? $"{inner}licence: {d.Licence}  # the catalogue's classification{(d.Family is null ? string.Empty : " (" + d.Family + ")")}"
            : $"{inner}licence: null  # not in the LicenceGuard catalogue: look up the model's licence";
        yield return $"{inner}review: {{}}  # a person reads the licence, then records it: licenceguard review MODEL --by NAME --text FILE";
        if (d.FoundAt.Count > 0)
            yield return d.HostingMode != null
                ? $"{inner}hosting: {{ mode: {d.HostingMode} }}  # add region: where it runs, if the perimeter needs it"
                : $"{inner}hosting: {{ mode: REQUIRED }}  # self-hosted | managed | api: where this model runs";
    }

    /// <summary>Double-quoted YAML scalar: model IDs carry ':' and '/' that plain scalars may misread.</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c == '"' || c == '\\') sb.Append('\\').Append(c);
            else if (c < ' ') sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.Append('"').ToString();
    }
}
