using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LicenceGuard.Core.Document;

/// <summary>
/// Reads each distinct string of a document once: a lock of many models repeats the same licence texts' duties,
/// sources, hosting modes and file names in every model, and each copy read would stay alive as long as the lock.
/// The strings are shared only within one <see cref="ComplianceJson.Parse(System.IO.Stream)"/> (thread-local scope).
/// </summary>
internal sealed class SharedStringConverter : JsonConverter<string>
{
    [ThreadStatic]
    private static Dictionary<string, string>? _shared;

    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Shared(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    // Dictionary keys (licence keys, finding facts) are strings too.
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Shared(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string? Shared(string? value)
    {
        if (value is null || _shared is not { } shared) return value;
        if (shared.TryGetValue(value, out var existing)) return existing;
        shared[value] = value;
        return value;
    }

    /// <summary>Shares strings while the returned scope is open.</summary>
    public static IDisposable Scope() => new SharingScope();

    private sealed class SharingScope : IDisposable
    {
        private readonly Dictionary<string, string>? _outer = _shared;

        public SharingScope() => _shared = new Dictionary<string, string>(StringComparer.Ordinal);

        public void Dispose() => _shared = _outer;
    }
}
