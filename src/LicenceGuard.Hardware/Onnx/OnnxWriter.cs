using System;
using System.IO;
using System.Text;

namespace LicenceGuard.Hardware.Onnx;

/// <summary>
/// Writes the protobuf wire format for the few ONNX messages the sample model needs. Enough to produce a valid
/// ModelProto without the onnx Python package or generated classes.
/// </summary>
public sealed class OnnxWriter
{
    private readonly MemoryStream _buffer = new();

    public byte[] ToArray() => _buffer.ToArray();

    public OnnxWriter Varint(int field, ulong value)
    {
        Tag(field, 0);
        WriteVarint(value);
        return this;
    }

    public OnnxWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public OnnxWriter Message(int field, OnnxWriter message) => Bytes(field, message.ToArray());

    public OnnxWriter Bytes(int field, byte[] value)
    {
        Tag(field, 2);
        WriteVarint((ulong)value.Length);
        _buffer.Write(value, 0, value.Length);
        return this;
    }

    private void Tag(int field, int wireType) => WriteVarint((ulong)(field << 3 | wireType));

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        _buffer.WriteByte((byte)value);
    }

    /// <summary>
    /// The sample model: <c>y = x + w</c>, x of shape [batch, width] (batch symbolic), w a float initializer [1, width]
    /// holding 1, 2, 3… Small enough to load anywhere, real enough to exercise load, allocation and one kernel launch.
    /// </summary>
    public static byte[] SampleAddModel(int width = 4)
    {
        var raw = new byte[width * 4];
        for (var i = 0; i < width; i++) BitConverter.GetBytes((float)(i + 1)).CopyTo(raw, i * 4);
        var initializer = new OnnxWriter().Varint(1, 1).Varint(1, (ulong)width).Varint(2, 1).String(8, "w").Bytes(9, raw);
        var node = new OnnxWriter().String(1, "x").String(1, "w").String(2, "y").String(3, "add").String(4, "Add");
        var graph = new OnnxWriter()
            .Message(1, node)
            .String(2, "licenceguard-sample")
            .Message(5, initializer)
            .Message(11, ValueInfo("x", width))
            .Message(12, ValueInfo("y", width));
        return new OnnxWriter()
            .Varint(1, 8)                                        // ir_version
            .String(2, "licenceguard")                           // producer_name
            .Message(7, graph)
            .Message(8, new OnnxWriter().String(1, string.Empty).Varint(2, 13))  // opset_import: default domain, opset 13
            .ToArray();
    }

    private static OnnxWriter ValueInfo(string name, int width)
    {
        var shape = new OnnxWriter()
            .Message(1, new OnnxWriter().String(2, "batch"))          // dim_param
            .Message(1, new OnnxWriter().Varint(1, (ulong)width));   // dim_value
        var tensorType = new OnnxWriter().Varint(1, 1).Message(2, shape);  // elem_type FLOAT, shape
        return new OnnxWriter().String(1, name).Message(2, new OnnxWriter().Message(1, tensorType));
    }
}
