using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace LicenceGuard.Core.Weights;

/// <summary>
/// safetensors: an 8-byte little-endian header length, a JSON header mapping tensor names to
/// <c>{dtype, shape, data_offsets: [begin, end]}</c> (offsets relative to the data section) plus optional
/// <c>__metadata__</c>, then the tensor data.
/// </summary>
internal static class SafetensorsInspector
{
    /// <summary>The format's own limit on the header (the reference implementation refuses larger ones).</summary>
    public const long MaxHeaderBytes = 100L * 1024 * 1024;

    private static readonly Dictionary<string, int> DtypeBytes = new(StringComparer.Ordinal)
    {
        ["F64"] = 8, ["F32"] = 4, ["F16"] = 2, ["BF16"] = 2, ["I64"] = 8, ["I32"] = 4, ["I16"] = 2, ["I8"] = 1,
        ["U64"] = 8, ["U32"] = 4, ["U16"] = 2, ["U8"] = 1, ["BOOL"] = 1, ["F8_E4M3"] = 1, ["F8_E5M2"] = 1, ["F8_E8M0"] = 1,
        ["C64"] = 8,
    };

    public static void Read(Stream stream, WeightsInspection result)
    {
        var r = new BoundedReader(stream, "safetensors header");
        var headerLength = r.ReadLength64("the header length");
        if (headerLength > MaxHeaderBytes)
            throw new WeightsFormatException($"safetensors header is corrupt: it claims {headerLength} bytes, more than the format's limit of {MaxHeaderBytes}");
        var header = r.ReadBytes(headerLength, "the JSON header");
        var dataBytes = r.Length - 8 - headerLength;

        JsonDocument doc;
        try { doc = JsonDocument.Parse(header, new JsonDocumentOptions { MaxDepth = 16 }); }
        catch (JsonException ex) { throw new WeightsFormatException($"safetensors header is not valid JSON: {ex.Message}"); }
        using (doc)
        {
            try { ReadEntries(doc, dataBytes, result); }
            catch (InvalidOperationException ex) { throw new WeightsFormatException($"safetensors header is corrupt: {ex.Message}"); }
        }
    }

    private static void ReadEntries(JsonDocument doc, long dataBytes, WeightsInspection result)
    {
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
            throw new WeightsFormatException("safetensors header is corrupt: the JSON header is not an object");
        foreach (var entry in doc.RootElement.EnumerateObject())
        {
            if (entry.Name == "__metadata__")
            {
                if (entry.Value.ValueKind == JsonValueKind.Object)
                    foreach (var m in entry.Value.EnumerateObject())
                        if (m.Value.ValueKind == JsonValueKind.String) result.Details["metadata." + m.Name] = m.Value.GetString()!;
                continue;
            }
            result.Tensors.Add(ReadTensor(entry, dataBytes));
        }
    }

    private static TensorInfo ReadTensor(JsonProperty entry, long dataBytes)
    {
        var what = $"safetensors tensor '{entry.Name}'";
        var t = entry.Value;
        if (t.ValueKind != JsonValueKind.Object) throw new WeightsFormatException($"{what} is not an object");
        if (!t.TryGetProperty("dtype", out var dtypeEl) || dtypeEl.ValueKind != JsonValueKind.String)
            throw new WeightsFormatException($"{what} has no dtype");
        if (!t.TryGetProperty("shape", out var shapeEl) || shapeEl.ValueKind != JsonValueKind.Array)
            throw new WeightsFormatException($"{what} has no shape");
        if (!t.TryGetProperty("data_offsets", out var offsetsEl) || offsetsEl.ValueKind != JsonValueKind.Array || offsetsEl.GetArrayLength() != 2)
            throw new WeightsFormatException($"{what} has no data_offsets [begin, end]");

        var dtype = dtypeEl.GetString()!;
        var shape = new List<long>();
        foreach (var d in shapeEl.EnumerateArray())
        {
            if (d.ValueKind != JsonValueKind.Number || !d.TryGetInt64(out var dim) || dim < 0)
                throw new WeightsFormatException($"{what} has an invalid dimension in its shape");
            shape.Add(dim);
        }
        var begin = Offset(offsetsEl[0], what);
        var end = Offset(offsetsEl[1], what);
        if (end < begin) throw new WeightsFormatException($"{what} ends (offset {end}) before it begins (offset {begin})");
        if (end > dataBytes)
            throw new WeightsFormatException($"{what} claims data up to offset {end}, but the file holds only {dataBytes} byte(s) of tensor data (truncated?)");

        var elements = BoundedReader.CheckedProduct(shape, what);
        var bytes = end - begin;
        if (DtypeBytes.TryGetValue(dtype, out var size) && elements <= long.MaxValue / size && elements * size != bytes)
            throw new WeightsFormatException($"{what} is {dtype} {ShapeText(shape)} = {elements * size} byte(s), but its data_offsets span {bytes}");
        return new TensorInfo(entry.Name, dtype, shape, elements, bytes);
    }

    private static long Offset(JsonElement e, string what)
    {
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt64(out var v) || v < 0)
            throw new WeightsFormatException($"{what} has an invalid data offset");
        return v;
    }

    internal static string ShapeText(IReadOnlyList<long> shape) => "[" + string.Join(", ", shape) + "]";
}
