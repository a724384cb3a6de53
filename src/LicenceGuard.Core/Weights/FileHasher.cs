using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading.Tasks;

namespace LicenceGuard.Core.Weights;

/// <summary>
/// Streaming SHA-256 of large files with the platform's implementation (OpenSSL on Linux, CNG on Windows, both use the
/// CPU's SHA extensions). Reading the next block overlaps hashing the current one, so a multi-gigabyte file hashes at
/// close to the speed of <c>openssl dgst -sha256</c>.
/// </summary>
public static class FileHasher
{
    public const int BlockBytes = 4 * 1024 * 1024;

    /// <returns>Lower-case hex SHA-256 of the whole file.</returns>
    public static string Sha256(string path)
    {
        using var sha = SHA256.Create();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var current = new byte[BlockBytes];
        var next = new byte[BlockBytes];
        var count = ReadBlock(stream, current);
        while (count > 0)
        {
            // Read ahead on another thread while this one hashes.
            var buffer = next;
            var pending = Task.Run(() => ReadBlock(stream, buffer));
            sha.TransformBlock(current, 0, count, null, 0);
            count = pending.GetAwaiter().GetResult();
            next = current;
            current = buffer;
        }
        sha.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
        return ToHex(sha.Hash!);
    }

    private static int ReadBlock(Stream stream, byte[] buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = stream.Read(buffer, total, buffer.Length - total);
            if (n <= 0) break;
            total += n;
        }
        return total;
    }

    public static string ToHex(byte[] bytes)
    {
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = "0123456789abcdef"[bytes[i] >> 4];
            chars[2 * i + 1] = "0123456789abcdef"[bytes[i] & 0xF];
        }
        return new string(chars);
    }
}
