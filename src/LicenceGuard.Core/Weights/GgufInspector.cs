using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace LicenceGuard.Core.Weights;

/// <summary>
/// GGUF (llama.cpp) v2 and v3: magic "GGUF", version, tensor count, metadata key/value count, the key/values, the
/// tensor infos (name, dimensions, ggml type, offset), then the tensor data aligned to <c>general.alignment</c>.
/// </summary>
internal static class GgufInspector
{
    public const uint Magic = 0x46554747; // "GGUF" read as little-endian
    private const int MaxDims = 8;        // ggml uses 4; anything far beyond is corruption
    private const long MaxStringBytes = 64L * 1024 * 1024;

    private enum ValueType : uint { U8, I8, U16, I16, U32, I32, F32, Bool, String, Array, U64, I64, F64 }

    public static void Read(Stream stream, WeightsInspection result)
    {
        var r = new BoundedReader(stream, "GGUF header");
        if (r.ReadUInt32("the magic") != Magic) throw new WeightsFormatException("GGUF header is corrupt: the magic is not 'GGUF'");
        var version = r.ReadUInt32("the version");
        if (version is < 2 or > 3)
            throw new WeightsFormatException($"GGUF version {version} is not supported (LicenceGuard reads versions 2 and 3)");
        result.Details["ggufVersion"] = version.ToString(CultureInfo.InvariantCulture);
        var tensorCount = r.ReadLength64("the tensor count");
        var kvCount = r.ReadLength64("the metadata count");
        // Each key/value takes at least 8 (key length) + 4 (type) + 1 bytes; each tensor info at least 8 + 4 + 4 + 8.
        if (kvCount > r.Remaining / 13) throw new WeightsFormatException($"GGUF header is truncated or corrupt: {kvCount} metadata entries cannot fit in the file");
        if (tensorCount > r.Remaining / 24) throw new WeightsFormatException($"GGUF header is truncated or corrupt: {tensorCount} tensors cannot fit in the file");

        var metadata = new Dictionary<string, object>(StringComparer.Ordinal);
        for (long i = 0; i < kvCount; i++)
        {
            var key = ReadString(r, "a metadata key");
            var type = (ValueType)r.ReadUInt32($"the type of '{key}'");
            var value = ReadValue(r, type, key, depth: 0);
            if (value != null) metadata[key] = value;
        }

        var infos = new List<(string Name, long[] Dims, uint Type, long Offset)>();
        for (long i = 0; i < tensorCount; i++)
        {
            var name = ReadString(r, "a tensor name");
            var nDims = r.ReadUInt32($"the dimension count of '{name}'");
            if (nDims > MaxDims) throw new WeightsFormatException($"GGUF tensor '{name}' claims {nDims} dimensions");
            var dims = new long[nDims];
            for (var d = 0; d < nDims; d++) dims[d] = r.ReadLength64($"a dimension of '{name}'");
            var type = r.ReadUInt32($"the type of '{name}'");
            var offset = r.ReadLength64($"the data offset of '{name}'");
            infos.Add((name, dims, type, offset));
        }

        long alignment = 32;
        if (metadata.TryGetValue("general.alignment", out var a) && ToLong(a) is long al)
        {
            if (al <= 0 || al > 1 << 20) throw new WeightsFormatException($"GGUF general.alignment is {al}");
            alignment = al;
        }
        var dataStart = (r.Position + alignment - 1) / alignment * alignment;
        var dataBytes = Math.Max(0, r.Length - dataStart);
        var anyUnknown = false;
        foreach (var (name, dims, type, offset) in infos)
        {
            var what = $"GGUF tensor '{name}'";
            var elements = BoundedReader.CheckedProduct(dims, what);
            var bytes = GgmlTypes.Bytes(type, elements, what);
            if (bytes is null) anyUnknown = true;
            if (offset > dataBytes || (bytes is long b && b > dataBytes - offset))
                throw new WeightsFormatException($"{what} claims data up to offset {offset + (bytes ?? 0)}, but the file holds only {dataBytes} byte(s) of tensor data (truncated?)");
            result.Tensors.Add(new TensorInfo(name, GgmlTypes.Name(type), dims, elements, bytes));
        }
        if (anyUnknown) result.TensorBytesOverride = dataBytes;

        ReadShape(metadata, result);
    }

    private static void ReadShape(Dictionary<string, object> metadata, WeightsInspection result)
    {
        string? S(string key) => metadata.TryGetValue(key, out var v) ? v as string : null;
        long? L(string key) => metadata.TryGetValue(key, out var v) ? ToLong(v) : null;

        if (S("general.name") is { } name) result.Details["name"] = name;
        if (L("general.file_type") is long ft) result.Details["fileType"] = ft.ToString(CultureInfo.InvariantCulture);
        var arch = S("general.architecture");
        if (arch is null) return;
        var shape = result.Shape;
        shape.Architecture = arch;
        shape.Source = "gguf";
        shape.Layers = L(arch + ".block_count");
        shape.AttentionHeads = L(arch + ".attention.head_count");
        shape.KeyValueHeads = L(arch + ".attention.head_count_kv");
        shape.HeadDim = L(arch + ".attention.key_length");
        shape.HiddenSize = L(arch + ".embedding_length");
        shape.ContextLength = L(arch + ".context_length");
    }

    private static long? ToLong(object v) => v switch
    {
        long l => l,
        ulong u when u <= long.MaxValue => (long)u,
        _ => null,
    };

    private static string ReadString(BoundedReader r, string field)
    {
        var length = r.ReadLength64($"the length of {field}");
        if (length > MaxStringBytes) throw new WeightsFormatException($"GGUF header is corrupt: {field} claims {length} bytes");
        return r.ReadUtf8(length, field);
    }

    private static void SkipString(BoundedReader r, string field)
    {
        var length = r.ReadLength64($"the length of a string in '{field}'");
        if (length > MaxStringBytes) throw new WeightsFormatException($"GGUF header is corrupt: a string in '{field}' claims {length} bytes");
        r.Skip(length, field);
    }

    /// <summary>Scalars are kept (the model's figures live there); arrays (vocabularies) are skipped, with their sizes checked.</summary>
    private static object? ReadValue(BoundedReader r, ValueType type, string key, int depth)
    {
        switch (type)
        {
            case ValueType.U8: return (long)r.ReadByte(key);
            case ValueType.I8: return (long)(sbyte)r.ReadByte(key);
            case ValueType.U16: return (long)r.ReadUInt16(key);
            case ValueType.I16: return (long)(short)r.ReadUInt16(key);
            case ValueType.U32: return (long)r.ReadUInt32(key);
            case ValueType.I32: return (long)(int)r.ReadUInt32(key);
            case ValueType.F32: r.Skip(4, key); return null;
            case ValueType.Bool: return r.ReadByte(key) != 0;
            case ValueType.String: return ReadString(r, key);
            case ValueType.U64: return r.ReadUInt64(key);
            case ValueType.I64: return (long)r.ReadUInt64(key);
            case ValueType.F64: r.Skip(8, key); return null;
            case ValueType.Array:
                if (depth > 2) throw new WeightsFormatException($"GGUF metadata '{key}' nests arrays too deeply");
                var itemType = (ValueType)r.ReadUInt32($"the item type of '{key}'");
                var count = r.ReadLength64($"the item count of '{key}'");
                var fixedSize = FixedSize(itemType);
                if (fixedSize > 0)
                {
                    if (count > r.Remaining / fixedSize) throw new WeightsFormatException($"GGUF header is truncated: metadata '{key}' claims {count} items");
                    r.Skip(count * fixedSize, key);
                    return null;
                }
                if (count > r.Remaining / 8) throw new WeightsFormatException($"GGUF header is truncated: metadata '{key}' claims {count} items");
                for (long i = 0; i < count; i++)
                {
                    // Vocabularies hold 100k+ strings: skip them without decoding.
                    if (itemType == ValueType.String) SkipString(r, key);
                    else ReadValue(r, itemType, key, depth + 1);
                }
                return null;
            default:
                throw new WeightsFormatException($"GGUF header is corrupt: metadata '{key}' has unknown value type {(uint)type}");
        }
    }

    private static long FixedSize(ValueType t) => t switch
    {
        ValueType.U8 or ValueType.I8 or ValueType.Bool => 1,
        ValueType.U16 or ValueType.I16 => 2,
        ValueType.U32 or ValueType.I32 or ValueType.F32 => 4,
        ValueType.U64 or ValueType.I64 or ValueType.F64 => 8,
        _ => 0,
    };
}
