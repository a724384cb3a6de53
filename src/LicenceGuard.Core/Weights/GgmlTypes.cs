using System.Collections.Generic;

namespace LicenceGuard.Core.Weights;

/// <summary>
/// ggml tensor types as GGUF numbers them (ggml.h, enum ggml_type): name, elements per block, bytes per block.
/// Quantised types store blocks of 32 or 256 elements; bytes = elements / block × block bytes.
/// </summary>
internal static class GgmlTypes
{
    private static readonly Dictionary<uint, (string Name, int BlockElements, int BlockBytes)> Types = new()
    {
        [0] = ("F32", 1, 4), [1] = ("F16", 1, 2), [2] = ("Q4_0", 32, 18), [3] = ("Q4_1", 32, 20),
        [6] = ("Q5_0", 32, 22), [7] = ("Q5_1", 32, 24), [8] = ("Q8_0", 32, 34), [9] = ("Q8_1", 32, 36),
        [10] = ("Q2_K", 256, 84), [11] = ("Q3_K", 256, 110), [12] = ("Q4_K", 256, 144), [13] = ("Q5_K", 256, 176),
        [14] = ("Q6_K", 256, 210), [15] = ("Q8_K", 256, 292), [16] = ("IQ2_XXS", 256, 66), [17] = ("IQ2_XS", 256, 74),
        [18] = ("IQ3_XXS", 256, 98), [19] = ("IQ1_S", 256, 50), [20] = ("IQ4_NL", 32, 18), [21] = ("IQ3_S", 256, 110),
        [22] = ("IQ2_S", 256, 82), [23] = ("IQ4_XS", 256, 136), [24] = ("I8", 1, 1), [25] = ("I16", 1, 2),
        [26] = ("I32", 1, 4), [27] = ("I64", 1, 8), [28] = ("F64", 1, 8), [29] = ("IQ1_M", 256, 56),
        [30] = ("BF16", 1, 2), [34] = ("TQ1_0", 256, 54), [35] = ("TQ2_0", 256, 66), [39] = ("MXFP4", 32, 17),
    };

    public static string Name(uint type) => Types.TryGetValue(type, out var t) ? t.Name : "GGML_TYPE_" + type;

    /// <summary>Bytes of a tensor of this type, or null for a type LicenceGuard does not know.</summary>
    public static long? Bytes(uint type, long elements, string what)
    {
        if (!Types.TryGetValue(type, out var t)) return null;
        if (elements % t.BlockElements != 0)
            throw new WeightsFormatException($"{what} has {elements} elements, not a multiple of {t.Name}'s block of {t.BlockElements}");
        var blocks = elements / t.BlockElements;
        if (blocks > long.MaxValue / t.BlockBytes) throw new WeightsFormatException($"{what} is too large to be real");
        return blocks * t.BlockBytes;
    }
}
