using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using LicenceGuard.Core.Files;
using LicenceGuard.Core.Weights;

namespace LicenceGuard.Core.Output;

/// <summary>
/// Hardware attestations to embed in the compliance manifest, from wherever they were written: files the build names
/// (LicenceGuardAttestation items, obj/…/licenceguard/attestations/) and the folder beside models.yaml. A file names
/// its model in <c>"model"</c>, or by its file name (<see cref="AttestationStore.FileName"/> of a declared ID).
/// </summary>
public static class AttestationFiles
{
    /// <summary>An attestation is a few kilobytes; anything larger is not one.</summary>
    public const long MaxBytes = 4 * 1024 * 1024;

    public static SortedDictionary<string, JsonElement> Read(IEnumerable<string> files, IEnumerable<string> declaredIds)
    {
        var byFileName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in declaredIds) byFileName[AttestationStore.FileName(id)] = id;
        var result = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => !string.IsNullOrWhiteSpace(f)).Select(Full).Distinct(StringComparer.Ordinal))
        {
            try
            {
                if (SafeFile.ReadAllBytes(file, MaxBytes, out _) is not { } bytes) continue;
                using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 });
                if (doc.RootElement.ValueKind != JsonValueKind.Object) continue;
                var id = doc.RootElement.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                if (id is null && !byFileName.TryGetValue(Path.GetFileName(file), out id)) continue;
                // The first file wins: items the project names come before the folders searched by default.
                if (!result.ContainsKey(id!)) result[id!] = doc.RootElement.Clone();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is JsonException)
            {
                // An unreadable attestation is as good as none: the manifest then shows no attestation for the model.
            }
        }
        return result;
    }

    private static string Full(string path)
    {
        try { return Path.GetFullPath(path); }
        catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException) { return path; }
    }

    /// <summary>Files in a folder (empty when it does not exist), for the default attestation folders.</summary>
    public static IEnumerable<string> InFolder(string? folder) =>
        string.IsNullOrWhiteSpace(folder) || !Directory.Exists(folder)
            ? Enumerable.Empty<string>()
            : Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal);

    /// <summary>The runtime each attestation ran on ("onnxruntime 1.31.1"), for the evaluation drift check.</summary>
    public static Dictionary<string, string> Runtimes(IReadOnlyDictionary<string, JsonElement> attestations)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in attestations)
        {
            if (pair.Value.ValueKind != JsonValueKind.Object || !pair.Value.TryGetProperty("runtime", out var rt) || rt.ValueKind != JsonValueKind.Object) continue;
            var name = rt.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            var version = rt.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (name != null) result[pair.Key] = version is null ? name : name + " " + version;
        }
        return result;
    }
}
