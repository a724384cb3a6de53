using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using LicenceGuard.Core.AnalyzerInput;

namespace LicenceGuard.Runtime.Guard;

/// <summary>
/// The models the build approved, read from the compliance manifest that the LicenceGuard build writes. Contract:
/// <list type="number">
/// <item>the path in the environment variable <c>LICENCEGUARD_COMPLIANCE_MANIFEST</c>, if set;</item>
/// <item>else an embedded resource named <c>LicenceGuard.compliance.json</c> in the entry assembly;</item>
/// <item>else the file <c>compliance-manifest.json</c> (which the build copies to the output directory) in the application's base directory.</item>
/// </list>
/// The JSON needs <c>models[].id</c>, optionally <c>models[].aliases</c> and <c>models[].verdict</c>; a model whose
/// verdict is <c>fail</c> is not approved. No manifest found means nothing is approved (fail closed).
/// </summary>
public sealed class ApprovedModels
{
    public const string EnvironmentVariable = "LICENCEGUARD_COMPLIANCE_MANIFEST";
    public const string ResourceName = "LicenceGuard.compliance.json";
    public const string FileName = "compliance-manifest.json";

    // The same name index the analyzer and the build use (ID, aliases, file names of paths and weights), so that a
    // name the build accepted at a call site is the name the guard accepts at run time.
    private DeclaredModelIndex _approved = DeclaredModelIndex.Empty;
    private DeclaredModelIndex _refused = DeclaredModelIndex.Empty;

    private ApprovedModels(string source) => Source = source;

    /// <summary>Where the list came from (a file path, a resource name), for error messages.</summary>
    public string Source { get; }

    /// <summary>Why nothing could be loaded; null when the manifest was read.</summary>
    public string? LoadError { get; private init; }

    public IReadOnlyCollection<string> ModelIds => _approved.Models.Select(m => m.Id).Distinct(StringComparer.Ordinal).ToList();

    public static ApprovedModels FromJson(string json, string source)
    {
        var approved = new ApprovedModels(source);
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("models", out var models) || models.ValueKind != JsonValueKind.Array)
            throw new JsonException($"{source} has no \"models\" array");
        var approvedModels = new List<DeclaredModel>();
        var refusedModels = new List<DeclaredModel>();
        foreach (var m in models.EnumerateArray())
        {
            if (m.ValueKind != JsonValueKind.Object || !m.TryGetProperty("id", out var idEl) || idEl.ValueKind != JsonValueKind.String) continue;
            var id = idEl.GetString()!;
            var names = new List<string> { id };
            names.AddRange(Strings(m, "aliases"));
            var weights = m.TryGetProperty("weights", out var w) && w.ValueKind == JsonValueKind.Array
                ? w.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).SelectMany(e => e.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String ? new[] { p.GetString()! } : Array.Empty<string>())
                : Enumerable.Empty<string>();
            var verdict = m.TryGetProperty("verdict", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var model = DeclaredModelIndex.Model(id, names, weights.ToList(), findings: null, insidePerimeter: true, where: string.Empty);
            (string.Equals(verdict, "fail", StringComparison.OrdinalIgnoreCase) ? refusedModels : approvedModels).Add(model);
        }
        approved._approved = new DeclaredModelIndex(approvedModels, Array.Empty<string>());
        approved._refused = new DeclaredModelIndex(refusedModels, Array.Empty<string>());
        return approved;
    }

    public static ApprovedModels Load(string path)
    {
        try { return FromJson(Core.Files.SafeFile.ReadAllText(path, Core.Yaml.YamlLimits.Default.MaxBytes, out var unreadable) ?? throw new IOException(unreadable), path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return new ApprovedModels(path) { LoadError = $"the compliance manifest {path} cannot be read: {ex.Message}" };
        }
    }

    private static IEnumerable<string> Strings(JsonElement model, string name) =>
        model.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).Where(a => a.Length > 0)
            : Enumerable.Empty<string>();

    /// <summary>The build's manifest, found by the contract above.</summary>
    public static ApprovedModels LoadDefault()
    {
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env)) return Load(env);
        var entry = Assembly.GetEntryAssembly();
        using (var stream = entry?.GetManifestResourceStream(ResourceName))
        {
            if (stream != null)
            {
                using var reader = new StreamReader(stream);
                var source = $"resource {ResourceName} of {entry!.GetName().Name}";
                try { return FromJson(reader.ReadToEnd(), source); }
                catch (JsonException ex) { return new ApprovedModels(source) { LoadError = $"the embedded compliance manifest cannot be read: {ex.Message}" }; }
            }
        }
        var file = Path.Combine(AppContext.BaseDirectory, FileName);
        if (File.Exists(file)) return Load(file);
        return new ApprovedModels("(none)")
        {
            LoadError = $"no compliance manifest: set {EnvironmentVariable}, embed {ResourceName}, or copy {FileName} next to the application (the LicenceGuard build does this)",
        };
    }

    /// <summary>Null when the model is approved; otherwise why not.</summary>
    public string? Check(string? modelId)
    {
        if (LoadError != null) return $"model '{modelId}' refused: {LoadError}";
        if (string.IsNullOrWhiteSpace(modelId)) return "the request names no model (set ChatOptions.ModelId or the client's default model) so LicenceGuard cannot check it";
        var name = modelId!.Trim();
        if (_refused.Find(name) != null) return $"model '{name}' is declared but its licence check failed in the build ({Source})";
        if (_approved.Find(name) != null) return null;
        return $"model '{name}' is not approved: it is not declared in models.yaml, or was not when the application was built ({Source})";
    }
}
