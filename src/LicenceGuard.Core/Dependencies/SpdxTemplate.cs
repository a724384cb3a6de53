using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace LicenceGuard.Core.Dependencies;

/// <summary>
/// Turns an SPDX License List template (<c>&lt;&lt;var;name=…;original=…;match=…&gt;&gt;</c>,
/// <c>&lt;&lt;beginOptional&gt;&gt;…&lt;&lt;endOptional&gt;&gt;</c>, literal text) into one regular expression over text
/// normalised by <see cref="StandardLicenceTexts.Normalise"/>, anchored at both ends: a licence file must be the
/// template and nothing more.
/// </summary>
internal static class SpdxTemplate
{
    // A variable's attributes are quoted strings that may hold '>' (original="Copyright (c) <year> <owner>").
    private static readonly Regex Tag = new(@"<<(?<body>beginOptional|endOptional|var;(?:[^>""]|""(?:[^""\\]|\\.)*"")*)>>",
        RegexOptions.CultureInvariant);

    private static readonly Regex Attribute = new(@"(?<key>\w+)=""(?<value>(?:[^""\\]|\\.)*)""", RegexOptions.CultureInvariant);

    public static Regex ToRegex(string template, TimeSpan timeout)
    {
        var pattern = new StringBuilder("^");
        var depth = 0;
        var position = 0;
        foreach (Match tag in Tag.Matches(template))
        {
            AppendLiteral(pattern, template.Substring(position, tag.Index - position));
            position = tag.Index + tag.Length;
            var body = tag.Groups["body"].Value;
            if (body == "beginOptional")
            {
                pattern.Append(@"(?:\s*");
                depth++;
            }
            else if (body == "endOptional")
            {
                if (depth == 0) throw new FormatException("endOptional without beginOptional");
                pattern.Append(@"\s*)?");
                depth--;
            }
            else
            {
                AppendVariable(pattern, body);
            }
        }
        AppendLiteral(pattern, template.Substring(position));
        if (depth != 0) throw new FormatException("beginOptional without endOptional");
        pattern.Append(@"\s*$");
        return new Regex(pattern.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, timeout);
    }

    private static void AppendVariable(StringBuilder pattern, string body)
    {
        string? name = null, match = null;
        foreach (Match attribute in Attribute.Matches(body))
        {
            var value = attribute.Groups["value"].Value.Replace("\\\"", "\"");
            if (attribute.Groups["key"].Value == "name") name = value;
            else if (attribute.Groups["key"].Value == "match") match = value;
        }
        if (match is null) throw new FormatException("a template variable without match=: " + body);
        // The template's pattern is Java syntax; the ones the licence list uses are also .NET syntax.
        var group = name == "copyright" ? "?<copyright>" : "?:";
        pattern.Append(@"\s*(").Append(group).Append(match).Append(@")\s*");
    }

    private static void AppendLiteral(StringBuilder pattern, string literal)
    {
        var words = StandardLicenceTexts.Normalise(literal).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return;
        pattern.Append(@"\s*");
        var parts = new List<string>(words.Length);
        foreach (var word in words) parts.Add(Regex.Escape(word));
        pattern.Append(string.Join(@"\s+", parts)).Append(@"\s*");
    }
}
