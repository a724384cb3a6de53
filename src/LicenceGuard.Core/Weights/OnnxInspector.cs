using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace LicenceGuard.Core.Weights;

/// <summary>
/// ONNX: a protobuf ModelProto. The weights are the graph's initializers: ModelProto.graph (7) →
/// GraphProto.initializer (5) → TensorProto {dims (1), data_type (2), name (8), raw_data (9) or typed data
/// (4, 5, 7, 10, 11), external_data (13), data_location (14)}. Only headers are read; data is skipped.
/// </summary>
internal static class OnnxInspector
{
    private const int MaxNameBytes = 64 * 1024;

    // TensorProto.DataType: name and bytes per element (0 = not a fixed size: strings, or sub-byte types counted apart).
    private static readonly Dictionary<int, (string Name, double Bytes)> DataTypes = new()
    {
        [1] = ("FLOAT", 4), [2] = ("UINT8", 1), [3] = ("INT8", 1), [4] = ("UINT16", 2), [5] = ("INT16", 2),
        [6] = ("INT32", 4), [7] = ("INT64", 8), [8] = ("STRING", 0), [9] = ("BOOL", 1), [10] = ("FLOAT16", 2),
        [11] = ("DOUBLE", 8), [12] = ("UINT32", 4), [13] = ("UINT64", 8), [14] = ("COMPLEX64", 8), [15] = ("COMPLEX128", 16),
        [16] = ("BFLOAT16", 2), [17] = ("FLOAT8E4M3FN", 1), [18] = ("FLOAT8E4M3FNUZ", 1), [19] = ("FLOAT8E5M2", 1),
        [20] = ("FLOAT8E5M2FNUZ", 1), [21] = ("UINT4", 0.5), [22] = ("INT4", 0.5), [23] = ("FLOAT4E2M1", 0.5),
        [24] = ("FLOAT8E8M0", 1),
    };

    /// <summary>True when the first bytes look like a ModelProto (ir_version, field 1 varint, comes first in practice).</summary>
    public static bool LooksLikeOnnx(byte[] head, int count) => count >= 2 && head[0] == 0x08 && head[1] is > 0 and < 0x20;

    public static void Read(Stream stream, WeightsInspection result)
    {
        var model = new ProtoReader(stream, stream.Length, "model");
        var sawGraph = false;
        while (model.TryReadTag(out var field, out var wire))
        {
            if (field == 1 && wire == ProtoReader.Varint) result.Details["irVersion"] = model.ReadVarint().ToString(CultureInfo.InvariantCulture);
            else if (field == 2 && wire == ProtoReader.LengthDelimited) result.Details["producer"] = model.ReadString(MaxNameBytes);
            else if (field == 3 && wire == ProtoReader.LengthDelimited) result.Details["producerVersion"] = model.ReadString(MaxNameBytes);
            else if (field == 7 && wire == ProtoReader.LengthDelimited)
            {
                sawGraph = true;
                var graph = model.ReadMessage("graph");
                ReadGraph(graph, result);
                graph.Finish();
            }
            else model.SkipField(wire);
        }
        if (!sawGraph) throw new WeightsFormatException("ONNX model has no graph (ModelProto field 7)");
    }

    private static void ReadGraph(ProtoReader graph, WeightsInspection result)
    {
        while (graph.TryReadTag(out var field, out var wire))
        {
            if (field == 2 && wire == ProtoReader.LengthDelimited) result.Details["graph"] = graph.ReadString(MaxNameBytes);
            else if (field == 5 && wire == ProtoReader.LengthDelimited)
            {
                var tensor = graph.ReadMessage("initializer");
                result.Tensors.Add(ReadTensor(tensor, result));
                tensor.Finish();
            }
            else graph.SkipField(wire);
        }
    }

    private static TensorInfo ReadTensor(ProtoReader t, WeightsInspection result)
    {
        var dims = new List<long>();
        var dataType = 0;
        var name = string.Empty;
        long rawBytes = 0, typedBytes = 0;
        long? externalLength = null;
        var external = false;
        while (t.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 1 when wire == ProtoReader.Varint: dims.Add(Dim(t.ReadVarint())); break;
                case 1 when wire == ProtoReader.LengthDelimited:
                    var packed = t.ReadMessage("dims");
                    while (!packed.AtEnd) dims.Add(Dim(packed.ReadVarint()));
                    break;
                case 2 when wire == ProtoReader.Varint: dataType = (int)t.ReadVarint(); break;
                case 8 when wire == ProtoReader.LengthDelimited: name = t.ReadString(MaxNameBytes); break;
                case 9 when wire == ProtoReader.LengthDelimited: rawBytes = Skip(t); break;
                case 4 or 5 or 7 or 10 or 11 when wire == ProtoReader.LengthDelimited: typedBytes += Skip(t); break;
                case 13 when wire == ProtoReader.LengthDelimited:
                    var entry = t.ReadMessage("external_data");
                    var (key, value) = ReadStringPair(entry);
                    entry.Finish();
                    if (key == "location") result.ExternalDataFiles.Add(value);
                    else if (key == "length" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var len)) externalLength = len;
                    break;
                case 14 when wire == ProtoReader.Varint: external = t.ReadVarint() == 1; break;
                default: t.SkipField(wire); break;
            }
        }
        var what = $"ONNX initializer '{name}'";
        var elements = BoundedReader.CheckedProduct(dims, what);
        var (typeName, size) = DataTypes.TryGetValue(dataType, out var dt) ? dt : ("DATA_TYPE_" + dataType, 0);
        long? bytes = size > 0 ? (long)Math.Ceiling(elements * size) : null;
        if (external) bytes = externalLength ?? bytes;
        else if (rawBytes > 0)
        {
            if (bytes is long expected && rawBytes != expected)
                throw new WeightsFormatException($"{what} is {typeName} [{string.Join(", ", dims)}] = {expected} byte(s), but raw_data holds {rawBytes}");
            bytes = rawBytes;
        }
        else if (bytes is null && typedBytes > 0) bytes = typedBytes;
        return new TensorInfo(name, typeName, dims, elements, bytes);
    }

    private static long Dim(ulong v) => v > long.MaxValue ? throw new WeightsFormatException("ONNX initializer has a negative dimension") : (long)v;

    private static long Skip(ProtoReader t)
    {
        var length = t.ReadLength();
        t.SkipBytes(length);
        return length;
    }

    private static (string Key, string Value) ReadStringPair(ProtoReader entry)
    {
        string key = string.Empty, value = string.Empty;
        while (entry.TryReadTag(out var field, out var wire))
        {
            if (field == 1 && wire == ProtoReader.LengthDelimited) key = entry.ReadString(MaxNameBytes);
            else if (field == 2 && wire == ProtoReader.LengthDelimited) value = entry.ReadString(MaxNameBytes);
            else entry.SkipField(wire);
        }
        return (key, value);
    }
}
