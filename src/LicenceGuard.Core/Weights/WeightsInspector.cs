using System;
using System.IO;
using System.Text.Json;
using LicenceGuard.Core.Files;

namespace LicenceGuard.Core.Weights;

/// <summary>
/// Reads a weights file's header without loading its tensors: the format is decided by content (magic numbers), so a
/// pickle renamed to <c>.safetensors</c> is still found. Never throws for bad content: problems land in
/// <see cref="WeightsInspection.Error"/>.
/// </summary>
public static class WeightsInspector
{
    public static WeightsInspection Inspect(string path)
    {
        var status = FileStatus.Of(path);
        var result = new WeightsInspection(path, WeightsFormat.Unknown, status.Size);
        try
        {
            using var stream = SafeFile.OpenRead(path, out var refusal, FileOptions.RandomAccess, 64 * 1024);
            if (stream is null)
            {
                result.Error = $"cannot read the file: {refusal}";
                return result;
            }
            InspectStream(stream, path, result);
        }
        catch (WeightsFormatException ex) { result.Error = ex.Message; }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or OverflowException or FormatException or JsonException)
        {
            // A header parser's own checks come first; this is the net for damage they did not foresee.
            result.Error = $"the {result.Format.ToName()} header is corrupt: {ex.Message}";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            result.Error = $"cannot read the file: {ex.Message}";
        }
        if (result.Format != WeightsFormat.Pickle && result.IsReadable)
        {
            try { ReadConfigBeside(path, result.Shape); }
            catch (InvalidOperationException)
            {
                // A config.json with invalid text gives no figures; the weights themselves were read.
            }
        }
        return result;
    }

    private static void InspectStream(FileStream stream, string path, WeightsInspection result)
    {
        var head = new byte[16];
        var count = 0;
        while (count < head.Length)
        {
            var n = stream.Read(head, count, head.Length - count);
            if (n <= 0) break;
            count += n;
        }
        stream.Seek(0, SeekOrigin.Begin);

        if (count >= 4 && BitConverter.ToUInt32(head, 0) == GgufInspector.Magic)
        {
            result.Format = WeightsFormat.Gguf;
            GgufInspector.Read(stream, result);
        }
        else if (PickleDetector.IsRawPickle(head, count))
        {
            MarkPickle(result, PickleDetector.DescribeRaw(head[1]));
        }
        else if (PickleDetector.IsZip(head, count))
        {
            var entry = PickleDetector.FindPickleInZip(stream);
            if (entry != null) MarkPickle(result, PickleDetector.Describe(entry));
            else Refuse(result, "a zip archive that holds no pickle, but no format LicenceGuard can read either; LicenceGuard refuses what it cannot show to be safe");
        }
        else if (count >= 9 && head[8] == (byte)'{')
        {
            result.Format = WeightsFormat.Safetensors;
            SafetensorsInspector.Read(stream, result);
        }
        else if (OnnxInspector.LooksLikeOnnx(head, count))
        {
            result.Format = WeightsFormat.Onnx;
            OnnxInspector.Read(stream, result);
        }
        else if (count > 0 && PickleOpcodes.IsPickle(stream))
        {
            // Protocols 0 and 1 have no header: the opcodes themselves are the evidence, whatever the file is called.
            MarkPickle(result, PickleDetector.DescribeUnframed);
        }
        else if (path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
        {
            result.Format = WeightsFormat.Onnx;
            stream.Seek(0, SeekOrigin.Begin);
            OnnxInspector.Read(stream, result);
        }
        else if (count == 0)
        {
            throw new WeightsFormatException("the file is empty");
        }
        else if (path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase))
        {
            throw new WeightsFormatException("the file is named .safetensors but does not start with a safetensors header (an 8-byte length, then '{')");
        }
        else if (path.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase))
        {
            throw new WeightsFormatException("the file is named .gguf but does not start with the GGUF magic");
        }
        else if (PickleDetector.HasPickleExtension(path))
        {
            Refuse(result, $"content not recognised under an extension used for pickles ({Path.GetExtension(path)}); LicenceGuard refuses what it cannot show to be safe");
        }
    }

    private static void MarkPickle(WeightsInspection result, string reason)
    {
        result.Format = WeightsFormat.Pickle;
        result.Unsafe = true;
        result.UnsafeReason = reason + ": loading it can run arbitrary code; convert it to safetensors";
    }

    private static void Refuse(WeightsInspection result, string reason)
    {
        result.Unsafe = true;
        result.UnsafeReason = reason;
    }

    /// <summary>Hugging Face config.json or ONNX Runtime GenAI genai_config.json beside the weights: layers, heads, head size.</summary>
    private static void ReadConfigBeside(string path, ModelShape shape)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is null) return;
        var hf = ReadJson(Path.Combine(dir, "config.json"));
        if (hf is { } root)
        {
            var cfg = root.TryGetProperty("text_config", out var text) && text.ValueKind == JsonValueKind.Object ? text : root;
            shape.FillFrom(new ModelShape
            {
                Architecture = Str(root, "model_type"),
                Layers = Num(cfg, "num_hidden_layers") ?? Num(cfg, "n_layer"),
                AttentionHeads = Num(cfg, "num_attention_heads") ?? Num(cfg, "n_head"),
                KeyValueHeads = Num(cfg, "num_key_value_heads"),
                HeadDim = Num(cfg, "head_dim"),
                HiddenSize = Num(cfg, "hidden_size") ?? Num(cfg, "n_embd"),
                ContextLength = Num(cfg, "max_position_embeddings"),
                Source = "config.json",
            });
        }
        var genai = ReadJson(Path.Combine(dir, "genai_config.json"));
        if (genai is { } g && g.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.Object &&
            model.TryGetProperty("decoder", out var decoder) && decoder.ValueKind == JsonValueKind.Object)
        {
            shape.FillFrom(new ModelShape
            {
                Architecture = Str(model, "type"),
                Layers = Num(decoder, "num_hidden_layers"),
                AttentionHeads = Num(decoder, "num_attention_heads"),
                KeyValueHeads = Num(decoder, "num_key_value_heads"),
                HeadDim = Num(decoder, "head_size"),
                HiddenSize = Num(decoder, "hidden_size"),
                ContextLength = Num(model, "context_length"),
                Source = "genai_config.json",
            });
        }
    }

    private static JsonElement? ReadJson(string path)
    {
        try
        {
            if (SafeFile.ReadAllBytes(path, 4 * 1024 * 1024, out _) is not { } bytes) return null;
            using var doc = JsonDocument.Parse(bytes);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private static long? Num(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) && n > 0 ? n : null;

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
