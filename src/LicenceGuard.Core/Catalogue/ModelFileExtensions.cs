using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using LicenceGuard.Core.Text;

namespace LicenceGuard.Core.Catalogue;

/// <summary>The file extensions of model weights, in one place for the matcher, the analyzer and the weights checks.</summary>
public static class ModelFileExtensions
{
    /// <summary>Files that hold model weights.</summary>
    public static readonly IReadOnlyList<string> Weights = new[] { ".onnx", ".gguf", ".safetensors", ".ggml", ".bin", ".pt", ".pth", ".ckpt" };

    /// <summary>Formats that are Python pickles in practice: loading them can execute code.</summary>
    public static readonly IReadOnlyList<string> PickleBased = new[] { ".bin", ".pt", ".pth", ".ckpt", ".pkl", ".pickle", ".joblib" };

    // The weights extensions' last letters, one bit per letter 'a'..'z': a path that ends in none of them (most string
    // literals) has no weights extension, decided without reading the list.
    private static readonly uint WeightsLastLetters = LastLetters(Weights);

    private static uint LastLetters(IReadOnlyList<string> extensions)
    {
        uint letters = 0;
        foreach (var e in extensions)
        {
            var last = char.ToLowerInvariant(e[e.Length - 1]);
            if (last < 'a' || last > 'z') return uint.MaxValue;
            letters |= 1u << (last - 'a');
        }
        return letters;
    }

    private static readonly char[] NotInPaths = { '\n', '\r', '"', '*', '?' };

    /// <summary>A path or file name ending in a model weights extension ("models/phi-4.onnx"), not a URL.</summary>
    public static bool IsModelFilePath(string text) => IsModelFilePath(text, 0, text.Length);

    /// <summary><see cref="IsModelFilePath(string)"/> for the <paramref name="length"/> characters from <paramref name="start"/>.</summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    public static bool IsModelFilePath(string text, int start, int length) =>
        length > 5 && Match(text, start, length, Weights) != null && text.IndexOfAny(NotInPaths, start, length) < 0 &&
        text.IndexOf("://", start, length, StringComparison.Ordinal) < 0;

    /// <summary>The last segment of a path, with either separator.</summary>
    public static string FileName(string path) => path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);

    /// <summary>The extension of <paramref name="path"/> among <paramref name="extensions"/> (each a dot and a name
    /// without dots, like those listed here), or null.</summary>
    /// <remarks>
    /// Runs for every string literal the analyzer sees, so it compares by hand (see <see cref="CaseFold"/>) and only
    /// the extensions as long as the text after the last dot: each extension is one dot and a name
    /// (<see cref="IsSingleDotExtension"/>), so no other can end the path.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string? Match(string path, IReadOnlyList<string> extensions) => Match(path, 0, path.Length, extensions);

    /// <summary><see cref="Match(string, IReadOnlyList{string})"/> for the <paramref name="length"/> characters of
    /// <paramref name="path"/> from <paramref name="start"/>.</summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    public static string? Match(string path, int start, int length, IReadOnlyList<string> extensions)
    {
        if (length <= 0) return null;
        var end = start + length;
        if (ReferenceEquals(extensions, Weights) && WeightsLastLetters != uint.MaxValue)
        {
            var last = path[end - 1];
            if (last < 128)
            {
                var letter = last | 0x20;
                if (letter < 'a' || letter > 'z' || (WeightsLastLetters & (1u << (letter - 'a'))) == 0) return null;
            }
        }
        var dot = path.LastIndexOf('.', end - 1, length);
        if (dot < 0) return null;
        var extensionLength = end - dot;
        if (extensions is string[] array)
        {
            foreach (var e in array)
                if (e.Length == extensionLength && CaseFold.EndsWithOrdinalIgnoreCase(path, end, e)) return e;
            return null;
        }
        foreach (var e in extensions)
            if (e.Length == extensionLength && CaseFold.EndsWithOrdinalIgnoreCase(path, end, e)) return e;
        return null;
    }

    /// <summary>".onnx": a dot followed by a name without dots, as every extension listed here is.</summary>
    public static bool IsSingleDotExtension(string extension) =>
        extension.Length > 1 && extension[0] == '.' && extension.IndexOf('.', 1) < 0;
}
