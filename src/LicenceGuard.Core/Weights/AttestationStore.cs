using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using LicenceGuard.Core.Files;

namespace LicenceGuard.Core.Weights;

/// <summary>
/// Where hardware attestations live, so that <c>licenceguard verify-hardware</c> (which writes them) and the build
/// (which embeds them in the compliance manifest) agree: <c>.licenceguard/attestations/&lt;model&gt;.json</c> beside
/// models.yaml, one file per model, each carrying its model ID in <c>"model"</c>.
/// </summary>
public static class AttestationStore
{
    public const string Folder = ".licenceguard/attestations";

    public static string FolderFor(string manifestDirectory) => Path.Combine(manifestDirectory, ".licenceguard", "attestations");

    public static string PathFor(string manifestDirectory, string modelId) => Path.Combine(FolderFor(manifestDirectory), FileName(modelId));

    /// <summary>A file name from a model ID: letters, digits, '.', '-' and '_' kept, everything else '_'.</summary>
    public static string FileName(string modelId)
    {
        var sb = new StringBuilder(modelId.Length + 5);
        foreach (var c in modelId) sb.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        return sb.Append(".json").ToString();
    }

    /// <summary>Every readable attestation in the folder, keyed by its model ID (for <c>ComplianceExtras.AttestationJson</c>).</summary>
    public static SortedDictionary<string, string> ReadAll(string manifestDirectory)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var folder = FolderFor(manifestDirectory);
        if (!Directory.Exists(folder)) return result;
        foreach (var file in Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            try
            {
                if (SafeFile.ReadAllText(file, Output.AttestationFiles.MaxBytes, out _) is not { } text) continue;
                using var doc = JsonDocument.Parse(text);
                if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String)
                    result[m.GetString()!] = text;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
            {
                // An unreadable attestation is as good as none: the manifest then shows no attestation for the model.
            }
        }
        return result;
    }
}
