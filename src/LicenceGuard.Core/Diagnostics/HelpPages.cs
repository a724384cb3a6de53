using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace LicenceGuard.Core.Diagnostics;

/// <summary>The diagnostics' help pages (rules/diagnostics/LGxxxx.md), embedded so that they are there offline.</summary>
public static class HelpPages
{
    private const string Prefix = "diagnostics/";
    private static readonly Regex Id = new("^LG[0-9]{4}$", RegexOptions.CultureInvariant);

    /// <summary>The page's Markdown, or null when there is no such diagnostic.</summary>
    public static string? Find(string id)
    {
        if (!Id.IsMatch(id)) return null;
        using var stream = typeof(HelpPages).GetTypeInfo().Assembly.GetManifestResourceStream(Prefix + id + ".md");
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }

    public static IEnumerable<string> Ids =>
        typeof(HelpPages).GetTypeInfo().Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n.Substring(Prefix.Length, n.Length - Prefix.Length - 3))
            .OrderBy(n => n, StringComparer.Ordinal);
}
