using System;
using System.IO;

namespace LicenceGuard.Core.Files;

public static class RelativePath
{
    /// <summary>Paths relative to models.yaml's folder with '/' separators, so the output is the same on every machine.</summary>
    public static string To(string baseDir, string path)
    {
        if (string.IsNullOrEmpty(path) || path.StartsWith("rules/", StringComparison.Ordinal) || string.IsNullOrEmpty(baseDir)) return path.Replace('\\', '/');
        try
        {
            var full = Path.GetFullPath(path);
            var b = baseDir.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? baseDir : baseDir + Path.DirectorySeparatorChar;
            if (full.StartsWith(b, StringComparison.Ordinal)) return full.Substring(b.Length).Replace('\\', '/');
            var relative = new Uri(b).MakeRelativeUri(new Uri(full)).ToString();
            return Uri.UnescapeDataString(relative).Replace('\\', '/');
        }
        catch (Exception ex) when (ex is ArgumentException || ex is UriFormatException || ex is NotSupportedException)
        {
            return path.Replace('\\', '/');
        }
    }
}
