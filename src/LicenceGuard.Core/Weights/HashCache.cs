using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using LicenceGuard.Core.Files;
using LicenceGuard.Core.Output;

namespace LicenceGuard.Core.Weights;

/// <summary>
/// Remembers each weights file's SHA-256 keyed by what <c>touch</c> cannot forge: full path, size, modification time,
/// inode change time, device and inode (stat(2), nanoseconds). Restoring a changed file's mtime with <c>touch -r</c>
/// sets its change time to now, and replacing it by rename changes its inode, so either re-hashes. Where the platform
/// does not give change time and inode (Windows, .NET Framework) nothing is cached: every file is hashed.
/// The cache is a small JSON file written atomically; a damaged cache is ignored and rebuilt, never trusted.
/// </summary>
public sealed class HashCache
{
    private const int FormatVersion = 2;
    /// <summary>A cache of a few thousand files is well under this; a larger file is not a cache LicenceGuard wrote.</summary>
    private const long MaxCacheBytes = 64L * 1024 * 1024;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly string? _path;
    private bool _dirty;

    private HashCache(string? path) => _path = path;

    /// <summary>A cache with no file behind it: every file is hashed.</summary>
    public static HashCache None() => new(null);

    public static HashCache Load(string? path)
    {
        var cache = new HashCache(path);
        if (path is null || SafeFile.ReadAllBytes(path, MaxCacheBytes, out _) is not { } bytes) return cache;
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var v) || v.ValueKind != JsonValueKind.Number || v.GetInt32() != FormatVersion) return cache;
            if (!root.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Object) return cache;
            foreach (var f in files.EnumerateObject())
            {
                var e = f.Value;
                if (e.ValueKind == JsonValueKind.Object && Int64(e, "size") is { } size && Int64(e, "mtimeNs") is { } mtime && Int64(e, "ctimeNs") is { } ctime &&
                    Int64(e, "device") is { } device && Int64(e, "inode") is { } inode &&
                    e.TryGetProperty("sha256", out var sha) && sha.ValueKind == JsonValueKind.String && sha.GetString() is { Length: 64 } hex)
                    cache._entries[f.Name] = new Entry(new Stamp(size, mtime, ctime, device, inode), hex);
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

    /// <summary>The file's SHA-256, from the cache when path, size, times, device and inode are unchanged.</summary>
    public string GetSha256(string path)
    {
        var full = Path.GetFullPath(path);
        var before = FileStatus.Of(full);
        var stamp = Stamp.Of(before);
        if (stamp != null && _entries.TryGetValue(full, out var e) && e.Stamp.Equals(stamp)) return e.Sha256;
        var sha = FileHasher.Sha256(full);
        Computed++;
        // Stat again: a file that changed while it was being hashed must not be cached under its old stamp.
        if (stamp != null && stamp.Equals(Stamp.Of(FileStatus.Of(full))))
        {
            _entries[full] = new Entry(stamp, sha);
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
                w.WriteNumber("size", pair.Value.Stamp.Size);
                w.WriteNumber("mtimeNs", pair.Value.Stamp.ModifiedNs);
                w.WriteNumber("ctimeNs", pair.Value.Stamp.ChangedNs);
                w.WriteNumber("device", pair.Value.Stamp.Device);
                w.WriteNumber("inode", pair.Value.Stamp.Inode);
                w.WriteString("sha256", pair.Value.Sha256);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static long? Int64(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetInt64(out var n) ? n : null;

    private sealed class Entry
    {
        public Entry(Stamp stamp, string sha256)
        {
            Stamp = stamp;
            Sha256 = sha256;
        }

        public Stamp Stamp { get; }
        public string Sha256 { get; }
    }

    /// <summary>What identifies one version of a file's content without reading it.</summary>
    private sealed class Stamp : IEquatable<Stamp>
    {
        public Stamp(long size, long modifiedNs, long changedNs, long device, long inode)
        {
            Size = size;
            ModifiedNs = modifiedNs;
            ChangedNs = changedNs;
            Device = device;
            Inode = inode;
        }

        public long Size { get; }
        public long ModifiedNs { get; }
        public long ChangedNs { get; }
        public long Device { get; }
        public long Inode { get; }

        /// <summary>Null where the platform cannot say when the file last changed in a way touch cannot set: then never cache.</summary>
        public static Stamp? Of(FileStatus s) =>
            s.Kind == FileKind.Regular && s.HasChangeIdentity ? new Stamp(s.Size, s.ModifiedNs, s.ChangedNs, s.Device, s.Inode) : null;

        public bool Equals(Stamp? other) => other != null && Size == other.Size && ModifiedNs == other.ModifiedNs &&
            ChangedNs == other.ChangedNs && Device == other.Device && Inode == other.Inode;

        public override bool Equals(object? obj) => Equals(obj as Stamp);

        public override int GetHashCode() => (Size, ModifiedNs, ChangedNs, Device, Inode).GetHashCode();
    }
}
