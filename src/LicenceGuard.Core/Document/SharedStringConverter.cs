using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LicenceGuard.Core.Document;

/// <summary>
/// Reads each distinct string of a document once: a lock of many models repeats the same licence texts' duties,
/// sources, hosting modes and file names in every model, and each copy read would stay alive as long as the lock. A
/// repeated value is found from its UTF-8 bytes, so the copy is not even made. The strings are shared only within one
/// <see cref="ComplianceJson.Parse(System.IO.Stream)"/> (thread-local scope).
/// </summary>
internal sealed class SharedStringConverter : JsonConverter<string>
{
    [ThreadStatic]
    private static Dictionary<int, List<string>>? _shared;

    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Shared(ref reader);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    // Dictionary keys (licence keys, finding facts) are strings too.
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Shared(ref reader)!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string? Shared(ref Utf8JsonReader reader)
    {
        if (_shared is not { } shared || reader.TokenType == JsonTokenType.Null) return reader.GetString();
        // Escaped or split values are rare in what LicenceGuard writes: they share one bucket, compared unescaped.
        var hash = reader.HasValueSequence || reader.ValueIsEscaped ? 0 : Hash(reader.ValueSpan);
        if (shared.TryGetValue(hash, out var candidates))
            foreach (var candidate in candidates)
                if (reader.ValueTextEquals(candidate)) return candidate;
        var value = reader.GetString()!;
        if (candidates is null) shared[hash] = candidates = new List<string>(1);
        candidates.Add(value);
        return value;
    }

    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        unchecked
        {
            var h = (int)2166136261;
            foreach (var b in bytes) h = (h ^ b) * 16777619;
            return h;
        }
    }

    /// <summary>Shares strings while the returned scope is open.</summary>
    public static IDisposable Scope() => new SharingScope();

    private sealed class SharingScope : IDisposable
    {
        private readonly Dictionary<int, List<string>>? _outer = _shared;

        public SharingScope() => _shared = new Dictionary<int, List<string>>();

        public void Dispose() => _shared = _outer;
    }
}
