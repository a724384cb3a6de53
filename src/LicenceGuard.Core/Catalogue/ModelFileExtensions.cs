using System;
using System.Collections.Generic;

namespace LicenceGuard.Core.Catalogue;

/// <summary>The file extensions of model weights, in one place for the matcher, the analyzer and the weights checks.</summary>
public static class ModelFileExtensions
{
    /// <summary>Files that hold model weights.</summary>
    public static readonly IReadOnlyList<string> Weights = new[] { ".onnx", ".gguf", ".safetensors", ".ggml", ".bin", ".pt", ".pth", ".ckpt" };

    /// <summary>Formats that are Python pickles in practice: loading them can execute code.</summary>
    public static readonly IReadOnlyList<string> PickleBased = new[] { ".bin", ".pt", ".pth", ".ckpt", ".pkl", ".pickle", ".joblib" };

    /// <summary>The extension of <paramref name="path"/> among <paramref name="extensions"/>, or null.</summary>
    public static string? Match(string path, IReadOnlyList<string> extensions)
    {
        foreach (var e in extensions)
            if (path.EndsWith(e, StringComparison.OrdinalIgnoreCase)) return e;
        return null;
    }
}
