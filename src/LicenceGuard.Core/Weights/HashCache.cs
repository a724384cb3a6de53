using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using LicenceGuard.Core.Output;

namespace LicenceGuard.Core.Weights;

/// <summary>
/// Remembers each weights file's SHA-256 keyed by full path, size and last-write time (UTC ticks), so an unchanged
/// multi-gigabyte file re-verifies with one stat call. A file rewritten with the same size within the file system's
/// timestamp resolution would be missed; tools that replace weights (downloads, copies) change the time.
/// The cache is a small JSON file written atomically; a damaged cache is ignored and rebuilt, never trusted.
/// </summary>
public sealed class HashCache
{
    private const int FormatVersion = 1;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly string? _path;
    private bool _dirty;

    private HashCache(string? path) => _path = path;

    /// <summary>A cache with no file behind it: every file is hashed.</summary>
    public static HashCache None() => new(null);

    public static HashCache Load(string? path)
    {
        var cache = new HashCache(path);
        if (path is null || !File.Exists(path)) return cache;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var v) || v.ValueKind != JsonValueKind.Number || v.GetInt32() != FormatVersion) return cache;
            if (!root.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Object) return cache;
            foreach (var f in files.EnumerateObject())
            {
                var e = f.Value;
                if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("size", out var size) && size.TryGetInt64(out var s) &&
                    e.TryGetProperty("mtime", out var mtime) && mtime.TryGetInt64(out var m) &&
                    e.TryGetProperty("sha256", out var sha) && sha.ValueKind == JsonValueKind.String && sha.GetString() is { Length: 64 } hex)
                    cache._entries[f.Name] = new Entry(s, m, hex);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or FormatException or InvalidOperationException)
        {
            cache._entries.Clear();
        }
        return cache;
    }

    /// <summary>How many files were hashed (not served from the cache) through this instance.</summary>
    public int Computed { get; private set; }

    /// <summary>The file's SHA-256, from the cache when path, size and modification time are unchanged.</summary>
    public string GetSha256(string path)
    {
        var full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        var size = info.Length;
        var mtime = info.LastWriteTimeUtc.Ticks;
        if (_entries.TryGetValue(full, out var e) && e.Size == size && e.Mtime == mtime) return e.Sha256;
        var sha = FileHasher.Sha256(full);
        Computed++;
        // Take the time again: a file that changed while it was being hashed must not be cached under its old stamp.
        info.Refresh();
        if (info.Length == size && info.LastWriteTimeUtc.Ticks == mtime)
        {
            _entries[full] = new Entry(size, mtime, sha);
            _dirty = true;
        }
        return sha;
    }

    /// <summary>Writes the cache when it changed; a failure to write only costs speed next time, so it is not fatal.</summary>
    public bool Save()
    {
        if (_path is null || !_dirty) return false;
        try
        {
            AtomicFile.WriteIfChanged(_path, ToJson());
            _dirty = false;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", FormatVersion);
            w.WriteStartObject("files");
            foreach (var pair in new SortedDictionary<string, Entry>(_entries, StringComparer.Ordinal))
            {
                w.WriteStartObject(pair.Key);
                w.WriteNumber("size", pair.Value.Size);
                w.WriteNumber("mtime", pair.Value.Mtime);
                w.WriteString("sha256", pair.Value.Sha256);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private sealed class Entry
    {
        public Entry(long size, long mtime, string sha256)
        {
            Size = size;
            Mtime = mtime;
            Sha256 = sha256;
        }

        public long Size { get; }
        public long Mtime { get; }
        public string Sha256 { get; }
    }
}
