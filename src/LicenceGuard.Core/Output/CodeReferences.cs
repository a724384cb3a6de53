using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Files;

namespace LicenceGuard.Core.Output;

/// <summary>
/// Where code names each declared model, as the analyzer recorded it: one LG0022 per reference, with the declared
/// model's ID in its <c>declaredModel</c> property. The build reads them from the compiler's SARIF log after CoreCompile
/// (the gate runs before the compiler and cannot see them), the CLI from its own run of the analyzer; both complete the
/// compliance manifest's <c>codeLocations</c> here, so neither has a detector of its own.
/// </summary>
public static class CodeReferences
{
    /// <summary>The LG0022 properties this reads (LicenceGuard.Analyzers' References).</summary>
    public const string DeclaredModelProperty = "declaredModel";
    public const string KindProperty = "kind";
    public const string ApiProperty = "api";

    /// <summary>
    /// The references to declared models in a SARIF log (2.1, or 1.0 when the project chose it), keyed by model ID, with
    /// paths relative to <paramref name="baseDir"/>. A log that is not SARIF throws <see cref="JsonException"/>.
    /// </summary>
    public static SortedDictionary<string, List<CodeLocation>> FromSarif(string sarif, string baseDir)
    {
        var found = new SortedDictionary<string, List<CodeLocation>>(StringComparer.Ordinal);
        using var log = JsonDocument.Parse(sarif);
        foreach (var run in Array(log.RootElement, "runs"))
        {
            foreach (var result in Array(run, "results"))
            {
                if (String(result, "ruleId") != DiagnosticIds.ModelReferenceFound) continue;
                var properties = result.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty("customProperties", out var c) ? c : default;
                var model = String(properties, DeclaredModelProperty);
                var location = Array(result, "locations").FirstOrDefault();
                // 2.1: physicalLocation.artifactLocation.uri; 1.0: resultFile.uri. Both with a region.
                var physical = location.ValueKind == JsonValueKind.Object && location.TryGetProperty("physicalLocation", out var pl) ? pl
                    : location.ValueKind == JsonValueKind.Object && location.TryGetProperty("resultFile", out var rf) ? rf : default;
                var uri = String(physical.ValueKind == JsonValueKind.Object && physical.TryGetProperty("artifactLocation", out var al) ? al : physical, "uri");
                if (model is null || uri is null || physical.ValueKind != JsonValueKind.Object || !physical.TryGetProperty("region", out var region)) continue;
                Add(found, model, new CodeLocation(RelativePath.To(baseDir, PathOf(uri)), Number(region, "startLine"), Number(region, "startColumn"),
                    String(properties, KindProperty), String(properties, ApiProperty)));
            }
        }
        return found;
    }

    /// <summary>Adds one reference, once per place.</summary>
    public static void Add(SortedDictionary<string, List<CodeLocation>> into, string modelId, CodeLocation location)
    {
        if (!into.TryGetValue(modelId, out var list)) into[modelId] = list = new List<CodeLocation>();
        if (!list.Any(l => l.File == location.File && l.Line == location.Line && l.Column == location.Column)) list.Add(location);
        list.Sort();
    }

    /// <summary>The compliance manifest with every model's <c>codeLocations</c> replaced by <paramref name="locations"/>' (none when absent).</summary>
    public static ComplianceDocument Into(ComplianceDocument document, SortedDictionary<string, List<CodeLocation>> locations) => document with
    {
        CodeLocationsRecorded = true,
        Models = document.Models.Select(m => m with { CodeLocations = locations.TryGetValue(m.Id, out var list) ? list.OrderBy(x => x).ToList() : new List<CodeLocation>() }).ToList(),
    };

    private static string PathOf(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : Uri.UnescapeDataString(uri);

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : Enumerable.Empty<JsonElement>();

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;

    private static int Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out var i) ? i : 0;
}
