using System.IO;
using System.Reflection;
using System.Text;

namespace LicenceGuard.Core.Reports;

/// <summary>The catalogue's licence texts (rules/texts/&lt;licence-id&gt;.txt), embedded so the notices kit works offline.</summary>
public static class LicenceTexts
{
    public static string? Find(string licenceId)
    {
        if (string.IsNullOrEmpty(licenceId) || licenceId.IndexOfAny(new[] { '/', '\\' }) >= 0) return null;
        using var stream = typeof(LicenceTexts).GetTypeInfo().Assembly.GetManifestResourceStream("licence-texts/" + licenceId + ".txt");
        if (stream is null) return null;
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
