using System;
using System.IO;
using System.Linq;
using LicenceGuard.Core.Weights;

namespace LicenceGuard.Build.Dependencies;

/// <summary>
/// Decides whether a file inside a package is model weights. ONNX, GGUF and safetensors files are weights by their
/// extension; a file of any other extension only when its content is a pickle (any protocol, or PyTorch's zip format),
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
            default:
                // A pickle runs code when loaded whatever it is called: judged by content (protocols 0-5, PyTorch's zip).
                return PickleDetector.Holds(fullPath) ? "pickle" : null;
        }
    }
}
