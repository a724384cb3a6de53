using System.IO;
using System.Reflection;
using System.Text;

namespace LicenceGuard.Core.Reports;

/// <summary>The catalogue's licence texts (rules/texts/&lt;licence-id&gt;.txt), embedded so the notices kit works offline.</summary>
public static class LicenceTexts
{
    private const string Prefix = "licence-texts/";

    /// <summary>
    /// The catalogue's copy of the exact text a model's facts rest on: the licence's text, or one of its editions
    /// (rules/texts/&lt;licence-id&gt;.&lt;edition&gt;.txt) whose canonical SHA-256 is <paramref name="sha256"/>.
    /// </summary>
    public static string? FindEdition(string licenceId, string? sha256)
    {
        if (sha256 is null) return Find(licenceId);
        var assembly = typeof(LicenceTexts).GetTypeInfo().Assembly;
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix + licenceId + ".", System.StringComparison.Ordinal)) continue;
            var text = Read(assembly, name);
            if (text != null && string.Equals(Text.LicenceText.CanonicalSha256(text), sha256, System.StringComparison.OrdinalIgnoreCase)) return text;
        }
        return null;
    }

    public static string? Find(string licenceId)
    {
        if (string.IsNullOrEmpty(licenceId) || licenceId.IndexOfAny(new[] { '/', '\\' }) >= 0) return null;
        return Read(typeof(LicenceTexts).GetTypeInfo().Assembly, Prefix + licenceId + ".txt");
    }

    private static string? Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource);
        if (stream is null) return null;
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
