using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using LicenceGuard.Core.Files;

namespace LicenceGuard.Core.Output;

/// <summary>
/// Writes outputs so that a reader never sees half a file and an interrupted write never loses the old one: write a
/// temporary file beside the target, then rename over it. Unchanged content is not rewritten, so timestamps (and
/// incremental builds that depend on them) stay put. A write that was killed leaves its temporary file behind; the
/// next write of the same target removes those whose writer (the process id in the name) is no longer running, and
/// any older than <see cref="StaleAfter"/>; a live writer's file may be a parallel build writing the same output right
/// now. The build's clean target removes them all.
/// </summary>
public static class AtomicFile
{
    /// <summary>No write of an output takes this long, so an older temporary file belongs to a killed process.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    private static readonly UTF8Encoding Utf8 = new(false);

    /// <returns>True when the file was written, false when it already had this content.</returns>
    public static bool WriteIfChanged(string path, string content) => WriteIfChanged(path, Utf8.GetBytes(content));

    public static bool WriteIfChanged(string path, byte[] content) => WriteIfChanged(path, stream => stream.Write(content, 0, content.Length));

    /// <summary>Writes what <paramref name="write"/> puts in a stream, without holding it in memory: into a temporary
    /// file, kept only if it differs from the file there.</summary>
    /// <returns>True when the file was written, false when it already had this content.</returns>
    public static bool WriteIfChanged(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        RemoveStaleTemporaryFiles(dir, Path.GetFileName(full));
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, TemporaryPrefix(Path.GetFileName(full)) + CurrentProcessId + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + TemporarySuffix);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
                write(stream);
            if (SameContent(full, temp))
            {
                TryDelete(temp);
                return false;
            }
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

    public const string TemporarySuffix = ".tmp";

    private static string TemporaryPrefix(string fileName) => "." + fileName + ".";

    private static readonly int CurrentProcessId = Process.GetCurrentProcess().Id;

    private static void RemoveStaleTemporaryFiles(string dir, string fileName)
    {
        if (!Directory.Exists(dir)) return;
        var prefix = TemporaryPrefix(fileName);
        try
        {
            foreach (var temp in Directory.EnumerateFiles(dir, prefix + "*" + TemporarySuffix))
                if (!WriterIsRunning(Path.GetFileName(temp).Substring(prefix.Length)) || DateTime.UtcNow - File.GetLastWriteTimeUtc(temp) > StaleAfter) TryDelete(temp);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            // Leftovers cost disk space, not correctness; the clean target removes them too.
        }
    }

    /// <summary>Whether the process named at the start of a temporary file's name ("PID.random.tmp") still runs; unknown counts as running.</summary>
    private static bool WriterIsRunning(string pidAndRest)
    {
        var dot = pidAndRest.IndexOf('.');
        if (dot <= 0 || !int.TryParse(pidAndRest.Substring(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) return true;
        if (pid == CurrentProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (Exception ex) when (ex is InvalidOperationException || ex is NotSupportedException || ex is System.ComponentModel.Win32Exception)
        {
            return true;
        }
    }

    /// <summary>Whether the output there is a regular file with the same bytes as the one just written; read in blocks.</summary>
    private static bool SameContent(string path, string written)
    {
        var status = FileStatus.Of(path);
        if (status.Kind != FileKind.Regular || status.Size != new FileInfo(written).Length) return false;
        try
        {
            using var a = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
            using var b = new FileStream(written, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            var x = new byte[64 * 1024];
            var y = new byte[64 * 1024];
            while (true)
            {
                var n = ReadBlock(a, x);
                if (n != ReadBlock(b, y)) return false;
                if (n == 0) return true;
                for (var i = 0; i < n; i++)
                    if (x[i] != y[i]) return false;
            }
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static int ReadBlock(Stream stream, byte[] buffer)
    {
        var total = 0;
        for (int n; total < buffer.Length && (n = stream.Read(buffer, total, buffer.Length - total)) > 0;) total += n;
        return total;
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
