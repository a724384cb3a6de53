using System.IO;
using System.Text;

namespace LicenceGuard.Core.Weights;

/// <summary>
/// A minimal protobuf wire-format reader over a seekable stream, limited to one message's byte range. It reads tags,
/// varints, fixed values and length-delimited fields, and skips what the caller does not need (raw tensor data)
/// without reading it, so a 2 GB ONNX file is inspected by touching only its headers.
/// </summary>
internal sealed class ProtoReader
{
    // The wire types this reader reads or skips; groups (3, 4), deprecated in protobuf and absent from ONNX, are refused.
    public const int Varint = 0, Fixed64 = 1, LengthDelimited = 2, Fixed32 = 5;

    private readonly Stream _stream;
    private readonly long _end;
    private readonly string _what;

    public ProtoReader(Stream stream, long end, string what)
    {
        _stream = stream;
        _end = end;
        _what = what;
    }

    public long Position => _stream.Position;
    public bool AtEnd => _stream.Position >= _end;

    public bool TryReadTag(out int field, out int wireType)
    {
        field = 0;
        wireType = 0;
        if (AtEnd) return false;
        var tag = ReadVarint();
        field = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        if (field <= 0) throw Corrupt($"field number {field}");
        return true;
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (AtEnd) throw Truncated("a varint");
            var b = _stream.ReadByte();
            if (b < 0) throw Truncated("a varint");
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw Corrupt("a varint longer than 10 bytes");
    }

    /// <summary>The length of a length-delimited field, checked against the enclosing message.</summary>
    public long ReadLength()
    {
        var length = ReadVarint();
        if (length > (ulong)(_end - _stream.Position)) throw Truncated($"a field of {length} byte(s)");
        return (long)length;
    }

    /// <summary>A reader over the next length-delimited field; the caller must <see cref="Finish"/> it.</summary>
    public ProtoReader ReadMessage(string what)
    {
        var length = ReadLength();
        return new ProtoReader(_stream, _stream.Position + length, what);
    }

    public void Finish() => _stream.Seek(_end, SeekOrigin.Begin);

    public string ReadString(int maxBytes)
    {
        var length = ReadLength();
        if (length > maxBytes) throw Corrupt($"a string of {length} byte(s)");
        var buffer = new byte[length];
        ReadExactly(buffer);
        return Encoding.UTF8.GetString(buffer);
    }

    public void SkipField(int wireType)
    {
        switch (wireType)
        {
            case Varint: ReadVarint(); break;
            case Fixed64: SkipBytes(8); break;
            case Fixed32: SkipBytes(4); break;
            case LengthDelimited: SkipBytes(ReadLength()); break;
            default: throw Corrupt($"wire type {wireType}");
        }
    }

    public void SkipBytes(long count)
    {
        if (count > _end - _stream.Position) throw Truncated($"{count} byte(s)");
        _stream.Seek(count, SeekOrigin.Current);
    }

    private void ReadExactly(byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = _stream.Read(buffer, read, buffer.Length - read);
            if (n <= 0) throw Truncated($"{buffer.Length} byte(s)");
            read += n;
        }
    }

    private WeightsFormatException Truncated(string what) =>
        new($"ONNX {_what} is truncated: {what} at offset {_stream.Position} run(s) past its end");

    private WeightsFormatException Corrupt(string what) =>
        new($"ONNX {_what} is corrupt: unexpected {what} at offset {_stream.Position}");
}
