using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;

namespace LicenceGuard.Runtime.Tests.Weights;

/// <summary>Tiny weights files in every format LicenceGuard reads, built byte by byte: nothing is downloaded.</summary>
public static class TestModels
{
    /// <summary>Two tensors: "a" F32 [2, 3] (24 bytes) and "b" BF16 [4] (8 bytes) = 10 parameters, 32 bytes.</summary>
    public static byte[] Safetensors()
    {
        var header = "{\"__metadata__\":{\"format\":\"pt\"},\"a\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},\"b\":{\"dtype\":\"BF16\",\"shape\":[4],\"data_offsets\":[24,32]}}";
        return SafetensorsWithHeader(header, dataBytes: 32);
    }

    public static byte[] SafetensorsWithHeader(string header, int dataBytes)
    {
        var json = Encoding.UTF8.GetBytes(header);
        using var ms = new MemoryStream();
        ms.Write(BitConverter.GetBytes((ulong)json.Length));
        ms.Write(json);
        ms.Write(new byte[dataBytes]);
        return ms.ToArray();
    }

    /// <summary>
    /// GGUF v3, architecture "llama" with 2 layers, 4 heads, 2 KV heads, hidden 32, context 128, a vocabulary array (to
    /// exercise skipping), tensors "token_embd.weight" F32 [8, 4] (128 bytes) and "blk.0.attn_q.weight" Q8_0 [32, 2] (68 bytes).
    /// </summary>
    public static byte[] Gguf(uint version = 3)
    {
        using var ms = new MemoryStream();
        var w = new BinaryWriter(ms);
        w.Write(Encoding.ASCII.GetBytes("GGUF"));
        w.Write(version);
        w.Write(2UL);   // tensors
        w.Write(9UL);   // key/values
        KvString(w, "general.architecture", "llama");
        KvString(w, "general.name", "tiny-test");
        KvU32(w, "general.alignment", 32);
        KvU32(w, "llama.block_count", 2);
        KvU32(w, "llama.attention.head_count", 4);
        KvU32(w, "llama.attention.head_count_kv", 2);
        KvU32(w, "llama.embedding_length", 32);
        KvU32(w, "llama.context_length", 128);
        Str(w, "tokenizer.ggml.tokens");
        w.Write(9u);    // array
        w.Write(8u);    // of strings
        w.Write(3UL);
        Str(w, "<s>"); Str(w, "a"); Str(w, "b");

        Tensor(w, "token_embd.weight", new ulong[] { 8, 4 }, 0, 0);
        Tensor(w, "blk.0.attn_q.weight", new ulong[] { 32, 2 }, 8, 128);
        w.Flush();
        while (ms.Length % 32 != 0) ms.WriteByte(0);
        ms.Write(new byte[128 + 68]);
        return ms.ToArray();
    }

    public static byte[] RawPickle() => new byte[] { 0x80, 0x04, 0x95, 0x10, 0, 0, 0, 0, 0, 0, 0, 0x8c, 0x05, (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o', 0x94, 0x2e };

    /// <summary>The layout torch.save has written since PyTorch 1.6: a zip with archive/data.pkl and archive/data/0.</summary>
    public static byte[] TorchZip()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddEntry(zip, "archive/data.pkl", RawPickle());
            AddEntry(zip, "archive/data/0", new byte[64]);
            AddEntry(zip, "archive/version", Encoding.ASCII.GetBytes("3\n"));
        }
        return ms.ToArray();
    }

    private static void AddEntry(ZipArchive zip, string name, byte[] content)
    {
        using var s = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
        s.Write(content);
    }

    private static void Str(BinaryWriter w, string s)
    {
        var b = Encoding.UTF8.GetBytes(s);
        w.Write((ulong)b.Length);
        w.Write(b);
    }

    private static void KvString(BinaryWriter w, string key, string value)
    {
        Str(w, key);
        w.Write(8u);
        Str(w, value);
    }

    private static void KvU32(BinaryWriter w, string key, uint value)
    {
        Str(w, key);
        w.Write(4u);
        w.Write(value);
    }

    private static void Tensor(BinaryWriter w, string name, ulong[] dims, uint type, ulong offset)
    {
        Str(w, name);
        w.Write((uint)dims.Length);
        foreach (var d in dims) w.Write(d);
        w.Write(type);
        w.Write(offset);
    }

    /// <summary>Every proper prefix of a file: each must give a clear error, never an exception.</summary>
    public static IEnumerable<byte[]> Prefixes(byte[] content, int step = 1) =>
        Enumerable.Range(1, content.Length - 1).Where(n => n % step == 0 || n < 64).Select(n => content.Take(n).ToArray());
}
