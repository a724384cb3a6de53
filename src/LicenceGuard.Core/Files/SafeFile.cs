using System;
using System.IO;

namespace LicenceGuard.Core.Files;

/// <summary>
/// The one way LicenceGuard opens a file it was pointed at: only a regular file is opened (a FIFO would block the
/// build forever, /dev/zero would never end), its size is checked before a byte is read, and reading stops at the
/// limit even when the file grows or lies about its size (/proc). Every refusal is a sentence naming the reason,
/// for the caller to report at the file.
/// </summary>
public static class SafeFile
{
    /// <summary>Why the path cannot be read as a regular file, or null when it can.</summary>
    public static string? Refusal(string path) => Refusal(FileStatus.Of(path));

    private static string? Refusal(FileStatus status) => status.Kind switch
    {
        FileKind.Regular => null,
        FileKind.Missing => "the file does not exist",
        FileKind.Directory => "the path is a directory, not a file",
        _ => "the path is a FIFO, socket or device, not a regular file; LicenceGuard reads regular files only",
    };

    /// <summary>True when the path is a regular file (following symbolic links).</summary>
    public static bool IsRegular(string path) => FileStatus.Of(path).Kind == FileKind.Regular;

    /// <summary>The whole file, or null with <paramref name="error"/> set when it is not a regular file or is over <paramref name="maxBytes"/>.</summary>
    public static byte[]? ReadAllBytes(string path, long maxBytes, out string? error)
    {
        var status = FileStatus.Of(path);
        error = Refusal(status) ?? (status.Size > maxBytes ? OverLimit(status.Size, maxBytes) : null);
        if (error != null) return null;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            return ReadBounded(stream, maxBytes, out error);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
        {
            error = "the file cannot be read: " + ex.Message;
            return null;
        }
    }

    /// <summary>The file as UTF-8 text without its BOM, or null with <paramref name="error"/> set (see <see cref="ReadAllBytes"/>).</summary>
    public static string? ReadAllText(string path, long maxBytes, out string? error) =>
        ReadAllBytes(path, maxBytes, out error) is { } bytes ? Utf8.GetString(bytes).TrimStart('\uFEFF') : null;

    private static readonly System.Text.UTF8Encoding Utf8 = new(false);

    /// <summary>A read stream over a regular file, or null with <paramref name="error"/> set.</summary>
    public static FileStream? OpenRead(string path, out string? error, FileOptions options = FileOptions.None, int bufferSize = 4096)
    {
        error = Refusal(path);
        if (error != null) return null;
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, options);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
        {
            error = "the file cannot be read: " + ex.Message;
            return null;
        }
    }

    public static string OverLimit(long size, long maxBytes) => $"the file is {size} bytes, over the limit of {maxBytes}";

    /// <summary>Reads the size the file reported into one array; a file that holds more (it grew, or /proc says 0) goes on in chunks up to the limit.</summary>
    private static byte[]? ReadBounded(Stream stream, long maxBytes, out string? error)
    {
        error = null;
        var result = new byte[(int)Math.Min(Math.Max(stream.Length, 0), maxBytes)];
        var count = 0;
        while (count < result.Length)
        {
            var n = stream.Read(result, count, result.Length - count);
            if (n <= 0) return Trim(result, count);
            count += n;
        }
        var chunk = new byte[64 * 1024];
        var first = stream.Read(chunk, 0, chunk.Length);
        if (first <= 0) return result;
        using var more = new MemoryStream();
        more.Write(result, 0, count);
        for (var n = first; n > 0; n = stream.Read(chunk, 0, chunk.Length))
        {
            if (more.Length + n > maxBytes)
            {
                error = $"the file holds more than {maxBytes} bytes, over the limit";
                return null;
            }
            more.Write(chunk, 0, n);
        }
        return more.ToArray();
    }

    private static byte[] Trim(byte[] bytes, int count)
    {
        if (count == bytes.Length) return bytes;
        var trimmed = new byte[count];
        Buffer.BlockCopy(bytes, 0, trimmed, 0, count);
        return trimmed;
    }
}
