using System;
using System.Runtime.CompilerServices;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Text;

namespace LicenceGuard.Analyzers.Detection;

/// <summary>
/// Cheap text tests, run on string literals before any catalogue lookup. They keep ordinary strings (sentences, URLs,
/// image paths, format strings, single words) out of LG0005 so that it flags model IDs and little else.
/// </summary>
public static class ModelText
{
    /// <summary>Could this literal be a model ID? No whitespace, no URL, no non-model file extension, a digit or a separator.</summary>
    /// <remarks>
    /// The compiler calls this for every string literal of a project, so it is one pass over the characters with a
    /// table for ASCII and no allocation; the extension tests reuse the position of the last dot.
    /// </remarks>
    [MethodImpl(JitHints.AggressiveOptimization)]
    public static bool CouldBeModelId(string text)
    {
        if (text.Length < 2 || text.Length > 200) return false;
        var separator = false;
        var digit = false;
        var backslash = false;
        var lastDot = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= 128)
            {
                if (char.IsWhiteSpace(c)) return false;
                continue;
            }
            switch (AsciiClasses[c])
            {
                case Rejected: return false;
                case Separator:
                    separator = true;
                    if (c == '.') lastDot = i;
                    break;
                case Digit: digit = true; break;
                case Backslash: backslash = true; break;
            }
        }
        if (!separator && !digit) return false;
        if (text.IndexOf("://", StringComparison.Ordinal) >= 0 || CaseFold.StartsWithOrdinalIgnoreCase(text, "www.")) return false;
        if (text[0] == '/' || text[0] == '.' || text[0] == '~' || text[text.Length - 1] == '/') return IsModelFilePath(text);
        if (backslash) return IsModelFilePath(text);
        return !HasNonModelExtension(text, lastDot);
    }

    // Each ASCII character's class; 0 (the default) is any other character.
    private const byte Rejected = 1, Separator = 2, Digit = 3, Backslash = 4;

    /// <summary>Each ASCII character's part in <see cref="CouldBeModelId"/>.</summary>
    private static readonly byte[] AsciiClasses = BuildAsciiClasses();

    private static byte[] BuildAsciiClasses()
    {
        var classes = new byte[128];
        for (var c = 0; c < 128; c++)
            if (char.IsWhiteSpace((char)c)) classes[c] = Rejected;
        foreach (var c in "{}<>=?&#@%,;|\"'*$") classes[c] = Rejected;
        foreach (var c in "-/:._") classes[c] = Separator;
        for (var c = '0'; c <= '9'; c++) classes[c] = Digit;
        classes['\\'] = Backslash;
        return classes;
    }

    /// <summary>A path or file name ending in a model weights extension.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsModelFilePath(string text) => ModelFileExtensions.IsModelFilePath(text);

    /// <summary>Pickle-based weights execute code when loaded.</summary>
    public static bool IsPickle(string path) => EndsWithAny(path, ModelFileExtensions.PickleBased);

    /// <summary>
    /// Outside a known API a ".bin" file is usually not a model: it counts only when its name says so
    /// (pytorch_model.bin, model-00001.bin) or the catalogue knows it.
    /// </summary>
    public static bool IsLikelyPickleModel(string path, bool catalogueKnowsIt)
    {
        if (!IsPickle(path)) return false;
        if (!path.EndsWith(".bin", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".pkl", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".pickle", StringComparison.OrdinalIgnoreCase)) return true;
        return catalogueKnowsIt || FileName(path).IndexOf("model", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    public static string FileName(string path) => ModelFileExtensions.FileName(path);


    /// <summary>"logo.png", "readme.md", "site.css": a final dot segment of letters that is not a model format.</summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    private static bool HasNonModelExtension(string text, int lastDot)
    {
        if (lastDot < 0 || lastDot == text.Length - 1) return false;
        if (EndsWithAny(text, ModelFileExtensions.Weights)) return false;
        var length = text.Length - lastDot - 1;
        if (length < 2 || length > 5) return false;
        for (var i = lastDot + 1; i < text.Length; i++)
            if (!char.IsLetter(text[i])) return false;
        return true;
    }

    private static bool EndsWithAny(string text, System.Collections.Generic.IReadOnlyList<string> suffixes) =>
        ModelFileExtensions.Match(text, suffixes) != null;
}
