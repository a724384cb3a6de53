using System;
using System.Collections.Generic;
using System.Linq;
using LicenceGuard.Analyzers.Detection;
using LicenceGuard.Core;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Analyzers.Manifest;

/// <summary>
/// One snapshot of models.yaml, read and evaluated once: the declared models by ID, alias and file name, and each
/// model's findings as the build reports them. Immutable after construction, so every analyzer thread can share it.
/// </summary>
public sealed class ManifestState
{
    private readonly Dictionary<string, ModelEntry> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ModelEntry> _byFileName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<LicenceCatalogue> _catalogue;
    private readonly Lazy<Dictionary<ModelEntry, string>> _findings;

    private ManifestState(ModelsManifest? manifest, IReadOnlyList<Finding> readFindings, PolicyOptions? options)
    {
        Manifest = manifest;
        ReadFindings = readFindings;
        _catalogue = new Lazy<LicenceCatalogue>(() => AnalyzerCatalogue.For(manifest));
        _findings = new Lazy<Dictionary<ModelEntry, string>>(() => Evaluate(manifest, _catalogue.Value, options));
    }

    /// <summary>Null when models.yaml is not YAML at all; the build reports that (LG1001), the code rules stay quiet.</summary>
    public ModelsManifest? Manifest { get; }

    /// <summary>Every model family and the licences this manifest needs (loaded on first use).</summary>
    public LicenceCatalogue Catalogue => _catalogue.Value;

    public IReadOnlyList<Finding> ReadFindings { get; }

    /// <summary>Reads models.yaml; the policy evaluation waits until a declared model is met in code.</summary>
    public static ManifestState Parse(string text, string path, PolicyOptions? options = null)
    {
        var read = ManifestReader.ReadText(text, path);
        var state = new ManifestState(read.Manifest, read.Findings, options);
        if (read.Manifest != null) state.Index(read.Manifest);
        return state;
    }

    /// <summary>Each declared model's unwaived warnings and errors, as the build's evaluation finds them.</summary>
    private static Dictionary<ModelEntry, string> Evaluate(ModelsManifest? manifest, LicenceCatalogue catalogue, PolicyOptions? options)
    {
        var findings = new Dictionary<ModelEntry, string>();
        if (manifest is null) return findings;
        var result = PolicyEvaluator.Evaluate(manifest, catalogue, options ?? new PolicyOptions());
        foreach (var model in result.Models)
        {
            var relayed = model.Findings.Where(f => !f.IsWaived && f.Severity != Core.Severity.Info).ToList();
            if (relayed.Count > 0) findings[model.Entry] = string.Join("; ", relayed.Select(f => $"{f.Id} {f.Message}"));
        }
        return findings;
    }

    /// <summary>A state for code that runs without a manifest (the CLI's scan): nothing is declared.</summary>
    public static ManifestState WithoutManifest() => new(null, Array.Empty<Finding>(), null);

    /// <summary>
    /// Loads what the node actions will need (the catalogue, the evaluation) now, on the one thread that runs the
    /// compilation start: loaded lazily, every thread that needed it first would wait, and each wait would count.
    /// </summary>
    public void Prepare()
    {
        _ = _catalogue.Value;
        if (Manifest != null && Manifest.Models.Count > 0) _ = _findings.Value;
    }

    /// <summary>The declared model a literal names: ID or alias (case-insensitive), or for a path its file name.</summary>
    public ModelEntry? Find(string literal)
    {
        var text = literal.Trim();
        if (_byName.TryGetValue(text, out var entry)) return entry;
        if (ModelText.Stem(text) is { } stem && _byName.TryGetValue(stem, out entry)) return entry;
        if ((text.IndexOf('/') >= 0 || text.IndexOf('\\') >= 0 || ModelText.IsModelFilePath(text)) && _byFileName.TryGetValue(ModelText.FileName(text), out entry)) return entry;
        return null;
    }

    /// <summary>The declared model's unwaived findings (warnings and errors), joined; null when it has none.</summary>
    public string? FindingsOf(ModelEntry entry) => _findings.Value.TryGetValue(entry, out var text) ? text : null;

    private void Index(ModelsManifest manifest)
    {
        foreach (var model in manifest.Models)
        {
            foreach (var name in model.AllNames().Where(n => n.Length > 0))
            {
                if (!_byName.ContainsKey(name)) _byName[name] = model;
                if (ModelText.IsModelFilePath(name) || name.IndexOf('/') >= 0) AddFile(ModelText.FileName(name), model);
            }
            foreach (var weights in model.Weights)
            {
                if (weights.Path.Value.Length == 0) continue;
                AddFile(ModelText.FileName(weights.Path.Value), model);
            }
        }
    }

    private void AddFile(string fileName, ModelEntry model)
    {
        if (fileName.Length > 0 && !_byFileName.ContainsKey(fileName)) _byFileName[fileName] = model;
    }
}
