using System.Text.Json;

namespace LicenceGuard.Core.Reports;

/// <summary>
/// Tolerant reads of the documents other tools wrote and the compliance manifest embeds as they are (the hardware
/// attestation, the dependency audit): a report shows what such a document has and skips what it lacks.
/// </summary>
internal static class Json
{
    public static string? Str(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        } : null;

    public static JsonElement Obj(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : default;
}
