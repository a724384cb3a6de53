using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LicenceGuard.Core.Files;

namespace LicenceGuard.Core.Approval;

/// <summary>
/// models.lock.json: the compliance manifest a person approved, with who and when, meant to be committed. It is the
/// manifest's own JSON plus an <c>approval</c> member, written deterministically so that re-approving unchanged facts
/// on the same day changes nothing.
/// </summary>
public static class ApprovalLock
{
    public const string FileName = "models.lock.json";

    /// <summary>The lock text for a compliance manifest; <c>generatedAt</c> and any older approval are dropped.</summary>
    public static string Create(string complianceManifestJson, string approver, DateTime on)
    {
        if (string.IsNullOrWhiteSpace(approver)) throw new ArgumentException("an approval needs the approver's name", nameof(approver));
        using var doc = JsonDocument.Parse(complianceManifestJson);
        if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("the compliance manifest is not a JSON object");
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            var approvalWritten = false;
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.NameEquals("generatedAt") || p.NameEquals("approval")) continue;
                p.WriteTo(w);
                // Right after the header members, so that a reader of the lock sees who approved it first.
                if (!approvalWritten && p.NameEquals("manifest"))
                {
                    WriteApproval(w, approver, on);
                    approvalWritten = true;
                }
            }
            if (!approvalWritten) WriteApproval(w, approver, on);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    private static void WriteApproval(Utf8JsonWriter w, string approver, DateTime on)
    {
        w.WriteStartObject("approval");
        w.WriteString("by", approver.Trim());
        w.WriteString("on", on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }

    /// <summary>Reads a lock; on failure returns null with a message that says what is wrong and where.</summary>
    public static JsonDocument? Read(string path, out string? error, out int line)
    {
        error = null;
        line = 0;
        try
        {
            var bytes = SafeFile.ReadAllBytes(path, Yaml.YamlLimits.Default.MaxBytes, out var refusal);
            if (bytes is null)
            {
                error = "it cannot be read: " + refusal;
                return null;
            }
            var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("models", out var models) || models.ValueKind != JsonValueKind.Array)
            {
                doc.Dispose();
                error = "it is not an approved compliance manifest (no 'models' array); run `licenceguard approve` to write it again";
                return null;
            }
            return doc;
        }
        catch (JsonException ex)
        {
            line = (int)(ex.LineNumber ?? -1) + 1;
            error = "it is not valid JSON: " + ex.Message + "; resolve the merge or run `licenceguard approve` to write it again";
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            error = "it cannot be read: " + ex.Message;
        }
        return null;
    }

    /// <summary>Who approved the lock and when, for reports: ("a.sharma", "2026-11-02").</summary>
    public static (string? By, string? On) ApprovalOf(JsonElement lockRoot)
    {
        if (lockRoot.ValueKind != JsonValueKind.Object || !lockRoot.TryGetProperty("approval", out var a) || a.ValueKind != JsonValueKind.Object) return (null, null);
        string? S(string name) => a.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return (S("by"), S("on"));
    }
}
