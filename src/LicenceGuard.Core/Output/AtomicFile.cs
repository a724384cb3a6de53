using System;
using System.IO;
using System.Text;

namespace LicenceGuard.Core.Output;

/// <summary>
/// Writes outputs so that a reader never sees half a file and an interrupted write never loses the old one: write a
/// temporary file beside the target, then rename over it. Unchanged content is not rewritten, so timestamps (and
/// incremental builds that depend on them) stay put.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <returns>True when the file was written, false when it already had this content.</returns>
    public static bool WriteIfChanged(string path, string content) => WriteIfChanged(path, Utf8.GetBytes(content));

    public static bool WriteIfChanged(string path, byte[] content)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full) && SameContent(full, content)) return false;
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
        try
        {
            File.WriteAllBytes(temp, content);
            if (File.Exists(full)) File.Replace(temp, full, null);
            else File.Move(temp, full);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        return true;
    }

    private static bool SameContent(string path, byte[] content)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length != content.Length) return false;
            var existing = File.ReadAllBytes(path);
            for (var i = 0; i < existing.Length; i++)
                if (existing[i] != content[i]) return false;
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
