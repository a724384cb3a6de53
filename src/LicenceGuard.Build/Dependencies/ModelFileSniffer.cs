using System;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace LicenceGuard.Build.Dependencies;

/// <summary>
/// Decides whether a file inside a package is model weights. ONNX, GGUF and safetensors files are weights by their
/// extension; .bin, .pt, .pth and .ckpt files only when they hold a pickle (PyTorch's legacy stream or its zip format),
/// because native libraries and data blobs use .bin too. Tokenizer files (tokenizer.onnx from onnxruntime-extensions,
/// vocab and merges) are not models and are never flagged.
/// </summary>
internal static class ModelFileSniffer
{
    private static readonly string[] TokenizerMarkers = { "tokenizer", "vocab", "merges", "spiece", "sentencepiece", "detokenizer" };

    /// <returns>The format (onnx, gguf, safetensors, pickle), or null when the file is not model weights.</returns>
    public static string? Sniff(string pathInPackage, string fullPath)
    {
        var name = Path.GetFileName(pathInPackage).ToLowerInvariant();
        if (TokenizerMarkers.Any(m => name.Contains(m))) return null;
        switch (Path.GetExtension(name))
        {
            case ".onnx": return "onnx";
            case ".gguf": return "gguf";
            case ".safetensors": return "safetensors";
            case ".bin":
            case ".pt":
            case ".pth":
            case ".ckpt":
                return HoldsPickle(fullPath) ? "pickle" : null;
            default:
                return null;
        }
    }

    /// <summary>A raw pickle (PROTO opcode 0x80 then protocol 2–5) or a zip archive with a .pkl entry.</summary>
    internal static bool HoldsPickle(string fullPath)
    {
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
            var head = new byte[4];
            var read = stream.Read(head, 0, head.Length);
            if (read >= 2 && head[0] == 0x80 && head[1] >= 2 && head[1] <= 5) return true;
            if (read < 4 || head[0] != (byte)'P' || head[1] != (byte)'K' || head[2] != 3 || head[3] != 4) return false;
            stream.Position = 0;
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            return zip.Entries.Any(e => e.FullName.EndsWith(".pkl", StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
