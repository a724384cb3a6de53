using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace LicenceGuard.Analyzers.Detection;

/// <summary>
/// Finds model IDs in appsettings*.json: string values under Model, ModelId, DeploymentName, ChatModel,
/// EmbeddingModel and their kin, at any depth. Reads with <see cref="Utf8JsonReader"/> (comments and trailing commas
/// allowed, as .NET configuration allows them) and maps byte offsets back to lines and columns. A file that is not
/// valid JSON yields the values found before the error: the configuration system reports bad JSON itself.
/// </summary>
public static class ConfigFileScanner
{
    private static readonly HashSet<string> ModelKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "Model", "ModelId", "ModelName", "ModelPath", "DeploymentName", "Deployment",
        "ChatModel", "ChatModelId", "ChatDeploymentName", "EmbeddingModel", "EmbeddingModelId", "EmbeddingDeploymentName",
        "DefaultModel", "DefaultModelId",
    };

    /// <summary>appsettings.json, appsettings.Development.json…</summary>
    public static bool IsConfigFile(string path)
    {
        var name = path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);
        return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsModelKey(string key) => ModelKeys.Contains(key);

    /// <summary>The values under model keys (Model, ChatModelId…).</summary>
    public static List<ConfigValue> Scan(string text) => Scan(text, IsModelKey);

    /// <summary>Every string value, whatever its key: for code that reads a key by name.</summary>
    public static List<ConfigValue> ScanAll(string text) => Scan(text, _ => true);

    private static List<ConfigValue> Scan(string text, Func<string, bool> isWanted)
    {
        var found = new List<ConfigValue>();
        if (text.Length > 0 && text[0] == '\uFEFF') text = text.Substring(1);
        var bytes = Encoding.UTF8.GetBytes(text);
        var map = new OffsetMap(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 });
        var path = new List<string>();
        var arrayIndex = new List<int>();
        string? pendingKey = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingKey = reader.GetString();
                        continue;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        path.Add(NextSegment(pendingKey, path, arrayIndex));
                        arrayIndex.Add(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                        pendingKey = null;
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        if (path.Count > 0) path.RemoveAt(path.Count - 1);
                        if (arrayIndex.Count > 0) arrayIndex.RemoveAt(arrayIndex.Count - 1);
                        Advance(arrayIndex);
                        continue;
                    case JsonTokenType.String:
                        if (pendingKey != null && isWanted(pendingKey))
                        {
                            var value = reader.GetString() ?? string.Empty;
                            if (LooksLikeValue(value))
                            {
                                var start = map.CharIndex((int)reader.TokenStartIndex);
                                var end = map.CharIndex((int)(reader.TokenStartIndex + reader.ValueSpan.Length + 2));
                                var (line, column) = map.LineColumn((int)reader.TokenStartIndex);
                                found.Add(new ConfigValue(pendingKey, Join(path, pendingKey), value, line, column, start, end - start));
                            }
                        }
                        break;
                }
                pendingKey = null;
                Advance(arrayIndex);
            }
        }
        catch (JsonException)
        {
            // Bad JSON: keep what was found before the error.
        }
        return found;
    }

    /// <summary>Placeholders ("${MODEL}", "#{Model}#") and empty values are not model IDs.</summary>
    private static bool LooksLikeValue(string value) =>
        value.Trim().Length > 0 && value.IndexOf("${", StringComparison.Ordinal) < 0 && value.IndexOf("#{", StringComparison.Ordinal) < 0 && value.IndexOf("{{", StringComparison.Ordinal) < 0;

    private static string NextSegment(string? key, List<string> path, List<int> arrayIndex)
    {
        if (key != null) return key;
        if (arrayIndex.Count > 0 && arrayIndex[arrayIndex.Count - 1] >= 0) return arrayIndex[arrayIndex.Count - 1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        return path.Count == 0 ? string.Empty : "?";
    }

    private static void Advance(List<int> arrayIndex)
    {
        if (arrayIndex.Count > 0 && arrayIndex[arrayIndex.Count - 1] >= 0) arrayIndex[arrayIndex.Count - 1]++;
    }

    private static string Join(List<string> path, string key)
    {
        var parts = new List<string>();
        foreach (var p in path) if (p.Length > 0) parts.Add(p);
        parts.Add(key);
        return string.Join(":", parts);
    }

    /// <summary>Byte offsets of the UTF-8 text → UTF-16 character offsets and 1-based lines and columns.</summary>
    private sealed class OffsetMap
    {
        private readonly byte[] _bytes;

        public OffsetMap(byte[] bytes) => _bytes = bytes;

        public int CharIndex(int byteOffset)
        {
            var chars = 0;
            for (var i = 0; i < byteOffset && i < _bytes.Length; i++) chars += CharsOf(_bytes[i]);
            return chars;
        }

        public (int Line, int Column) LineColumn(int byteOffset)
        {
            int line = 1, column = 1;
            for (var i = 0; i < byteOffset && i < _bytes.Length; i++)
            {
                if (_bytes[i] == (byte)'\n') { line++; column = 1; }
                else column += CharsOf(_bytes[i]);
            }
            return (line, column);
        }

        /// <summary>A lead byte starts one UTF-16 char (two for a 4-byte sequence); continuation bytes add none.</summary>
        private static int CharsOf(byte b) => (b & 0xC0) == 0x80 ? 0 : b >= 0xF0 ? 2 : 1;
    }
}
