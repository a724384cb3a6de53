using System;
using LicenceGuard.Core.Catalogue;

namespace LicenceGuard.Analyzers.Detection;

/// <summary>
/// Cheap text tests, run on string literals before any catalogue lookup. They keep ordinary strings (sentences, URLs,
/// image paths, format strings, single words) out of LG0005 so that it flags model IDs and little else.
/// </summary>
public static class ModelText
{
    /// <summary>Could this literal be a model ID? No whitespace, no URL, no non-model file extension, a digit or a separator.</summary>
    public static bool CouldBeModelId(string text)
    {
        if (text.Length < 2 || text.Length > 200) return false;
        var separator = false;
        var digit = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '{' || c == '}' || c == '<' || c == '>' || c == '=' || c == '?' || c == '&' || c == '#' || c == '@' || c == '%' || c == ',' || c == ';' || c == '|' || c == '"' || c == '\'' || c == '*' || c == '$') return false;
            if (c == '-' || c == '/' || c == ':' || c == '.' || c == '_') separator = true;
            else if (c >= '0' && c <= '9') digit = true;
        }
        if (!separator && !digit) return false;
        if (text.IndexOf("://", StringComparison.Ordinal) >= 0 || text.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) return false;
        if (text[0] == '/' || text[0] == '.' || text[0] == '~' || text.EndsWith("/", StringComparison.Ordinal)) return IsModelFilePath(text);
        if (text.IndexOf('\\') >= 0) return IsModelFilePath(text);
        return !HasNonModelExtension(text);
    }

    /// <summary>A path or file name ending in a model weights extension.</summary>
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
    private static bool HasNonModelExtension(string text)
    {
        var dot = text.LastIndexOf('.');
        if (dot < 0 || dot == text.Length - 1) return false;
        if (EndsWithAny(text, ModelFileExtensions.Weights)) return false;
        var ext = text.Substring(dot + 1);
        if (ext.Length < 2 || ext.Length > 5) return false;
        foreach (var c in ext)
            if (!char.IsLetter(c)) return false;
        return true;
    }

    private static bool EndsWithAny(string text, System.Collections.Generic.IReadOnlyList<string> suffixes) =>
        ModelFileExtensions.Match(text, suffixes) != null;
}
