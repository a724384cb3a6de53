using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Policy;
using LicenceGuard.Core.Text;

namespace LicenceGuard.Core.AnalyzerInput;

/// <summary>
/// The declared models by ID, alias (case-insensitive) and file name, with the build's verdict on each: the code rules'
/// view of models.yaml. Built from the build's evaluation (<see cref="From"/>, carried to the analyzer by
/// <see cref="AnalyzerSnapshot"/>), from the editor's reading of models.yaml (<see cref="DeclaredNames"/>), or by the
/// runtime guard from the approval lock. Immutable, so every analyzer thread can share it.
/// </summary>
public sealed class DeclaredModelIndex
{
    private readonly Dictionary<string, DeclaredModel> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DeclaredModel> _byFileName = new(StringComparer.OrdinalIgnoreCase);

    public DeclaredModelIndex(IReadOnlyList<DeclaredModel> models, IReadOnlyList<string> mustStayInside)
    {
        Models = models;
        MustStayInside = mustStayInside;
        // The first model to claim a name keeps it, as in the manifest's own order.
        foreach (var model in models)
        {
            foreach (var name in model.Names)
                if (name.Length > 0 && !_byName.ContainsKey(name)) _byName[name] = model;
            foreach (var file in model.FileNames)
                if (file.Length > 0 && !_byFileName.ContainsKey(file)) _byFileName[file] = model;
        }
    }

    /// <summary>Every name <see cref="Find"/> looks up: IDs, aliases and file names.</summary>
    internal IEnumerable<string> LookupNames => _byName.Keys.Concat(_byFileName.Keys);

    public static DeclaredModelIndex Empty { get; } = new(Array.Empty<DeclaredModel>(), Array.Empty<string>());

    public IReadOnlyList<DeclaredModel> Models { get; }

    /// <summary>The data classes that must stay inside the perimeter (empty: no perimeter rule).</summary>
    public IReadOnlyList<string> MustStayInside { get; }

    /// <summary>The declared model a literal names: ID or alias, the file name of a model path, or a path's file name.</summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    public DeclaredModel? Find(string literal)
    {
        var text = literal.Trim();
        if (_byName.TryGetValue(text, out var model)) return model;
        if (ModelMatcher.FileStem(text) is { } stem && _byName.TryGetValue(stem, out model)) return model;
        if ((text.IndexOf('/') >= 0 || text.IndexOf('\\') >= 0 || ModelFileExtensions.IsModelFilePath(text)) &&
            _byFileName.TryGetValue(ModelFileExtensions.FileName(text), out model)) return model;
        return null;
    }

    /// <summary>The index of an evaluated manifest: each model's unwaived warnings and errors, and its perimeter verdict.</summary>
    public static DeclaredModelIndex From(EvaluationResult result)
    {
        var manifest = result.Manifest;
        if (manifest is null) return Empty;
        var perimeter = manifest.Organisation.Perimeter;
        var mustStay = perimeter?.MustStayInside.Select(m => m.Value).Where(v => v.Length > 0).ToList() ?? new List<string>();
        // Every finding of the run, drift and weights checks added after the evaluation included: the editor relays
        // what the build reports.
        var byModel = result.Findings.Where(f => f.ModelId != null).ToLookup(f => f.ModelId!, StringComparer.Ordinal);
        var findings = result.Models.ToDictionary(m => m.Entry, m => Relayed(byModel[m.Entry.Id.Value]));
        var models = new List<DeclaredModel>();
        foreach (var entry in manifest.Models)
        {
            var inside = perimeter is null || mustStay.Count == 0 || PerimeterMatcher.IsInside(entry, perimeter, out _);
            models.Add(Model(entry.Id.Value, entry.AllNames(), entry.Weights.Select(w => w.Path.Value),
                findings.TryGetValue(entry, out var text) ? text : null, inside, PerimeterMatcher.Where(entry)));
        }
        return new DeclaredModelIndex(models, mustStay);
    }

    /// <summary>
    /// One declared model with the names <see cref="Find"/> knows it by: its ID and aliases, and the file names of those
    /// that are paths and of its weights files. The build's evaluation and the editor's own reading of models.yaml
    /// (<see cref="DeclaredNames"/>) both come through here, so they name a model alike.
    /// </summary>
    public static DeclaredModel Model(string id, IEnumerable<string> names, IEnumerable<string> weightsPaths, string? findings, bool insidePerimeter, string where)
    {
        var all = names.Where(n => n.Length > 0).ToList();
        var files = all.Where(n => ModelFileExtensions.IsModelFilePath(n) || n.IndexOf('/') >= 0).Select(ModelFileExtensions.FileName)
            .Concat(weightsPaths.Where(p => p.Length > 0).Select(ModelFileExtensions.FileName))
            .Where(f => f.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new DeclaredModel(id, all, files, findings, insidePerimeter, where);
    }

    /// <summary>What LG0002 relays: the unwaived warnings and errors, in the evaluator's order.</summary>
    private static string? Relayed(IEnumerable<Finding> findings)
    {
        var relayed = findings.Where(f => !f.IsWaived && f.Severity != Severity.Info).ToList();
        return relayed.Count == 0 ? null : string.Join("; ", relayed.Select(f => $"{f.Id} {f.Message}"));
    }
}
