using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using LicenceGuard.Core.Document;

namespace LicenceGuard.Core.Approval;

/// <summary>
/// models.lock.json: the compliance manifest a person approved, with who and when, meant to be committed. It is the
/// manifest plus <see cref="ComplianceDocument.Approval"/>, written deterministically so that re-approving unchanged
/// facts on the same day changes nothing.
/// </summary>
/// <summary>A lock as read once for a run: its document, or why it cannot be used and at which line.</summary>
public sealed record LockReading(string Path, ComplianceDocument? Document, string? Error, int Line);

public static class ApprovalLock
{
    public const string FileName = "models.lock.json";

    /// <summary>The lock text for a compliance manifest; <c>generatedAt</c> and any older approval are dropped.</summary>
    public static string Create(ComplianceDocument manifest, string approver, DateTime on)
    {
        if (string.IsNullOrWhiteSpace(approver)) throw new ArgumentException("an approval needs the approver's name", nameof(approver));
        return ComplianceJson.ToJson(manifest with
        {
            GeneratedAt = null,
            Approval = new ApprovalRecord(approver.Trim(), on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        });
    }

    /// <summary>The lock at <paramref name="path"/> as read, or null when there is none (nothing approved yet).</summary>
    public static LockReading? Load(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path)) return null;
        var document = Read(path!, out var error, out var line);
        return new LockReading(path!, document, error, line);
    }

    /// <summary>Reads a lock (a lock of the first format is migrated); on failure returns null with a message that says
    /// what is wrong and where.</summary>
    public static ComplianceDocument? Read(string path, out string? error, out int line)
    {
        error = null;
        line = 0;
        try
        {
            return ComplianceJson.ReadFile(path);
        }
        catch (JsonException ex)
        {
            line = (int)(ex.LineNumber ?? -1) + 1;
            // The reader's own exception inside means the text is not JSON at all (a merge left conflict markers, say).
            error = ex.InnerException is JsonException || ex.Path is null && ex.LineNumber != null
                ? "it is not valid JSON: " + ex.Message + "; resolve the merge or run `licenceguard approve` to write it again"
                : "it is not an approved compliance manifest this version can read (" + ex.Message + "); run `licenceguard approve` to write it again";
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            error = "it cannot be read: " + ex.Message;
        }
        return null;
    }
}
