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

    private static readonly char[] NotInPaths = { '\n', '\r', '"', '*', '?' };

    /// <summary>A path or file name ending in a model weights extension ("models/phi-4.onnx"), not a URL.</summary>
    public static bool IsModelFilePath(string text) =>
        text.Length > 5 && Match(text, Weights) != null && text.IndexOfAny(NotInPaths) < 0 && text.IndexOf("://", StringComparison.Ordinal) < 0;

    /// <summary>The last segment of a path, with either separator.</summary>
    public static string FileName(string path) => path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);

    /// <summary>The extension of <paramref name="path"/> among <paramref name="extensions"/>, or null.</summary>
    public static string? Match(string path, IReadOnlyList<string> extensions)
    {
        foreach (var e in extensions)
            if (path.EndsWith(e, StringComparison.OrdinalIgnoreCase)) return e;
        return null;
    }
}
