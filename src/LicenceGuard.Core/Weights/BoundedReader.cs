using System;
using System.IO;
using System.Text;

namespace LicenceGuard.Core.Weights;

/// <summary>
/// Little-endian reads from a seekable stream where every length read from the file is checked against the bytes
/// left before anything is allocated: a corrupt header gives a <see cref="WeightsFormatException"/>, never an
/// out-of-memory or an endless loop.
/// </summary>
internal sealed class BoundedReader
{
    private readonly Stream _stream;
    private readonly byte[] _scratch = new byte[8];

    public BoundedReader(Stream stream, string what)
    {
        _stream = stream;
        What = what;
        Length = stream.Length;
    }

    public string What { get; }
    public long Length { get; }
    public long Position => _stream.Position;
    public long Remaining => Length - _stream.Position;

    public void Require(long bytes, string field)
    {
        if (bytes < 0 || bytes > Remaining)
            throw new WeightsFormatException($"{What} is truncated: {field} needs {bytes} byte(s) at offset {Position}, but only {Remaining} remain in the file");
    }

    public byte[] ReadBytes(long count, string field)
    {
        Require(count, field);
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = _stream.Read(buffer, read, (int)count - read);
            if (n <= 0) throw new WeightsFormatException($"{What} is truncated: {field} ends early at offset {Position}");
            read += n;
        }
        return buffer;
    }

    public void Skip(long count, string field)
    {
        Require(count, field);
        _stream.Seek(count, SeekOrigin.Current);
    }

    public void Seek(long position) => _stream.Seek(position, SeekOrigin.Begin);

    public byte ReadByte(string field) => Fill(1, field)[0];
    public ushort ReadUInt16(string field) { var b = Fill(2, field); return (ushort)(b[0] | b[1] << 8); }
    public uint ReadUInt32(string field) { var b = Fill(4, field); return (uint)(b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24); }
    public ulong ReadUInt64(string field) => ReadUInt32(field) | (ulong)ReadUInt32(field) << 32;

    /// <summary>A count or size that must fit in a signed 64-bit integer.</summary>
    public long ReadLength64(string field)
    {
        var v = ReadUInt64(field);
        if (v > long.MaxValue) throw new WeightsFormatException($"{What} is corrupt: {field} is {v}, larger than any file");
        return (long)v;
    }

    public string ReadUtf8(long count, string field) => Encoding.UTF8.GetString(ReadBytes(count, field));

    private byte[] Fill(int count, string field)
    {
        Require(count, field);
        var read = 0;
        while (read < count)
        {
            var n = _stream.Read(_scratch, read, count - read);
            if (n <= 0) throw new WeightsFormatException($"{What} is truncated: {field} ends early at offset {Position}");
            read += n;
        }
        return _scratch;
    }

    public static long CheckedProduct(System.Collections.Generic.IReadOnlyList<long> dims, string what)
    {
        long product = 1;
        foreach (var d in dims)
        {
            if (d < 0) throw new WeightsFormatException($"{what} has a negative dimension ({d})");
            try { product = checked(product * d); }
            catch (OverflowException) { throw new WeightsFormatException($"{what} has a shape whose element count overflows 64 bits"); }
        }
        return product;
    }
}
