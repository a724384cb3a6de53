using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace LicenceGuard.Core.Dependencies;

/// <summary>
/// Recognises a standard licence by its text, as the SPDX License List's matching guidelines do: each licence's SPDX
/// template (rules/spdx/*.template.txt, with its replaceable and omittable parts) must match the whole file once
/// white space, case, quotes, dashes, comment markers, the copyright symbol and http/https are set aside.
/// Stricter than the guidelines in one way: the copyright part of a template may not hide licence terms (a
/// "Copyright … Not for commercial use." prefix is not MIT), so an altered text stays unknown rather than permissive.
/// </summary>
public static class StandardLicenceTexts
{
    /// <summary>Licence files above this size are not read for matching: no standard licence text is this long.</summary>
    public const int MaxTextLength = 64 * 1024;

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);
    private const string ResourcePrefix = "spdx-templates/";
    private const string TemplateSuffix = ".template.txt";

    // Words that change what a licence allows: a copyright notice holds none of them.
    private static readonly Regex TermsInNotice = new(
        @"\b(not|no|non|shall|must|may|only|except|provided|prohibit\w*|restrict\w*|commercial\w*|noncommercial|condition\w*|terms?|permission|without)\b",
        RegexOptions.CultureInvariant, MatchTimeout);

    private static readonly Lazy<IReadOnlyList<Template>> Templates = new(Load);

    /// <summary>The SPDX ids this matcher knows.</summary>
    public static IEnumerable<string> Ids => Templates.Value.Select(t => t.Id);

    /// <summary>The SPDX id whose standard text <paramref name="text"/> is, or null.</summary>
    public static string? Identify(string text)
    {
        if (text.Length > MaxTextLength) return null;
        var normalised = Normalise(text);
        foreach (var template in Templates.Value)
        {
            try
            {
                var match = template.Pattern.Match(normalised);
                if (match.Success && !HidesTerms(match)) return template.Id;
            }
            catch (RegexMatchTimeoutException)
            {
                // Adversarial text: not recognised is the safe answer.
            }
        }
        return null;
    }

    private static bool HidesTerms(Match match)
    {
        var notice = match.Groups["copyright"];
        return notice.Success && TermsInNotice.IsMatch(notice.Value);
    }

    /// <summary>The guidelines' equivalences, applied alike to a template's literal text and to the file.</summary>
    internal static string Normalise(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var sb = new StringBuilder(text.Length);
        foreach (var raw in lines)
        {
            sb.Append(StripCommentMarker(raw)).Append(' ');
        }
        var s = sb.ToString().ToLowerInvariant();
        s = Regex.Replace(s, "[\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u0060\u00B4\"]", "'");
        s = Regex.Replace(s, "[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]", "-");
        s = s.Replace("\u00A9", "(c)").Replace("https://", "http://");
        return Regex.Replace(s, @"\s+", " ").Trim();
    }

    private static string StripCommentMarker(string line)
    {
        var t = line.TrimStart();
        foreach (var marker in new[] { "/*", "*/", "//", "*", "#" })
        {
            if (t.StartsWith(marker, StringComparison.Ordinal)) return t.Substring(marker.Length);
        }
        return t.EndsWith("*/", StringComparison.Ordinal) ? t.Substring(0, t.Length - 2) : t;
    }

    private static IReadOnlyList<Template> Load()
    {
        var assembly = typeof(StandardLicenceTexts).GetTypeInfo().Assembly;
        var templates = new List<Template>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var id = name.Substring(ResourcePrefix.Length, name.Length - ResourcePrefix.Length - TemplateSuffix.Length);
            templates.Add(new Template(id, SpdxTemplate.ToRegex(reader.ReadToEnd(), MatchTimeout)));
        }
        return templates;
    }

    private sealed class Template
    {
        public Template(string id, Regex pattern)
        {
            Id = id;
            Pattern = pattern;
        }

        public string Id { get; }
        public Regex Pattern { get; }
    }
}
