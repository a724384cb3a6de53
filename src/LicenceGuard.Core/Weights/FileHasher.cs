using System;
using System.IO;
using System.Security.Cryptography;
using LicenceGuard.Core.Files;

namespace LicenceGuard.Core.Weights;

/// <summary>
/// Streaming SHA-256 of large files with the platform's implementation (OpenSSL on Linux, CNG on Windows; both use the
/// CPU's SHA extensions), read in 1 MiB blocks with the stream's own buffering off — the same shape of loop as
/// <c>openssl dgst -sha256</c>. One thread: a reader thread overlapping I/O with hashing gains nothing from the page
/// cache and loses on a loaded machine, where each block waits for a thread to be scheduled.
/// </summary>
public static class FileHasher
{
    public const int BlockBytes = 1024 * 1024;

    /// <returns>Lower-case hex SHA-256 of the whole file.</returns>
    /// <exception cref="IOException">The path is not a regular file (a FIFO would never end) or cannot be read.</exception>
    public static string Sha256(string path)
    {
        using var sha = SHA256.Create();
        using var stream = SafeFile.OpenRead(path, out var refusal, FileOptions.SequentialScan, bufferSize: 1) ?? throw new IOException(refusal);
        var buffer = new byte[BlockBytes];
        int count;
        while ((count = stream.Read(buffer, 0, buffer.Length)) > 0) sha.TransformBlock(buffer, 0, count, null, 0);
        sha.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
        return ToHex(sha.Hash!);
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
