using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using LicenceGuard.Core.AnalyzerInput;
using LicenceGuard.Core.Document;

namespace LicenceGuard.Runtime.Guard;

/// <summary>
/// The models the build approved, read from the compliance manifest that the LicenceGuard build writes. Contract:
/// <list type="number">
/// <item>the path in the environment variable <c>LICENCEGUARD_COMPLIANCE_MANIFEST</c>, if set;</item>
/// <item>else an embedded resource named <c>LicenceGuard.compliance.json</c> in the entry assembly;</item>
/// <item>else the file <c>compliance-manifest.json</c> (which the build copies to the output directory) in the application's base directory.</item>
/// </list>
/// It is read typed (<see cref="ComplianceJson.Parse(string)"/>); a model whose verdict is <c>fail</c> is not approved.
/// No manifest found, or one that cannot be read, means nothing is approved (fail closed).
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

    /// <exception cref="JsonException">The text is not a compliance manifest this version can read.</exception>
    public static ApprovedModels FromJson(string json, string source)
    {
        try { return FromDocument(ComplianceJson.Parse(json), source); }
        catch (JsonException ex) { throw new JsonException($"{source}: {ex.Message}", ex); }
    }

    public static ApprovedModels FromDocument(ComplianceDocument document, string source)
    {
        var approvedModels = new List<DeclaredModel>();
        var refusedModels = new List<DeclaredModel>();
        foreach (var m in document.Models)
        {
            var names = new List<string> { m.Id };
            names.AddRange(m.Aliases.Where(a => a.Length > 0));
            var model = DeclaredModelIndex.Model(m.Id, names, m.Weights.Select(w => w.Path).ToList(), findings: null, insidePerimeter: true, where: string.Empty);
            (m.Verdict == Verdict.Fail ? refusedModels : approvedModels).Add(model);
        }
        return new ApprovedModels(source)
        {
            _approved = new DeclaredModelIndex(approvedModels, Array.Empty<string>()),
            _refused = new DeclaredModelIndex(refusedModels, Array.Empty<string>()),
        };
    }

    public static ApprovedModels Load(string path)
    {
        try { return FromDocument(ComplianceJson.ReadFile(path), path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return new ApprovedModels(path) { LoadError = $"the compliance manifest {path} cannot be read: {ex.Message}" };
        }
    }

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
                var source = $"resource {ResourceName} of {entry!.GetName().Name}";
                try { return FromDocument(ComplianceJson.Parse(stream), source); }
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
