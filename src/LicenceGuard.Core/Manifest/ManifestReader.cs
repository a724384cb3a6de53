using System.Collections.Generic;
using System.Linq;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Policy;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.Manifest;

/// <summary>Reads models.yaml into a <see cref="ModelsManifest"/>; every problem is a located LG1001/LG1002 finding.</summary>
public static class ManifestReader
{
    public static ManifestReadResult ReadFile(string path, YamlLimits? limits = null)
    {
        var root = YamlTreeReader.ReadFile(path, out var error, limits);
        return FromTree(root, error, path);
    }

    public static ManifestReadResult ReadText(string text, string path, YamlLimits? limits = null)
    {
        var root = YamlTreeReader.ReadText(text, path, out var error, limits);
        return FromTree(root, error, path);
    }

    private static ManifestReadResult FromTree(YNode? root, YamlError? error, string path)
    {
        var findings = new List<Finding>();
        if (error != null)
        {
            findings.Add(Finding.Create(DiagnosticIds.ManifestUnreadable, error.Message, error.Location));
            return new ManifestReadResult(null, findings);
        }
        var reader = new NodeReader((loc, msg) => findings.Add(Finding.Create(DiagnosticIds.ManifestInvalid, msg, loc)));
        var manifest = new ModelsManifest { Path = path };
        if (root is null || root is YScalar { IsNull: true })
        {
            findings.Add(Finding.Create(DiagnosticIds.ManifestInvalid, "models.yaml is empty: it needs 'organisation' and 'models'", new SourceLocation(path, 1, 1)));
            return new ManifestReadResult(manifest, findings);
        }
        var map = reader.Mapping(root, "models.yaml");
        if (map is null) return new ManifestReadResult(manifest, findings);

        reader.CheckKeys(map, "models.yaml", "organisation", "models", "waivers", "settings", "dependencies", "$schema");
        var org = reader.Mapping(map["organisation"], "'organisation'");
        if (org is null) reader.Error(map.Location, "models.yaml needs 'organisation' (the company's real figures)");
        else manifest.Organisation = OrganisationReader.Read(org, reader);

        if (!map.TryGet("models", out var modelsNode)) reader.Error(map.Location, "models.yaml needs 'models' (a list, empty when no model is used)");
        foreach (var item in reader.Sequence(modelsNode, "'models'"))
        {
            var m = reader.Mapping(item, "a model");
            if (m is null) continue;
            var entry = ModelEntryReader.Read(m, reader, manifest.Waivers);
            if (entry != null) manifest.Models.Add(entry);
        }

        foreach (var item in reader.Sequence(map["waivers"], "'waivers'"))
        {
            var w = reader.Mapping(item, "a waiver");
            if (w is null) continue;
            var waiver = WaiverReader.Read(w, reader, null);
            if (waiver != null) manifest.Waivers.Add(waiver);
        }

        var settings = reader.Mapping(map["settings"], "'settings'");
        if (settings != null) manifest.Settings = ReadSettings(settings, reader);
        manifest.DependencyPolicy = reader.Mapping(map["dependencies"], "'dependencies'");

        CheckDuplicates(manifest, findings);
        return new ManifestReadResult(manifest, findings);
    }

    private static ManifestSettings ReadSettings(YMapping map, NodeReader r)
    {
        r.CheckKeys(map, "'settings'", "catalogue", "thresholdMargin", "catalogueMaxAgeDays");
        var s = new ManifestSettings
        {
            ThresholdMargin = r.Double(map, "thresholdMargin", "'settings'"),
            CatalogueMaxAgeDays = r.Int(map, "catalogueMaxAgeDays", "'settings'"),
        };
        if (s.ThresholdMargin != null && (s.ThresholdMargin.Value < 0 || s.ThresholdMargin.Value >= 1))
        {
            r.Error(s.ThresholdMargin.Location, "'thresholdMargin' is a fraction between 0 and 1 (0.1 warns at 90% of a threshold)");
            s.ThresholdMargin = null;
        }
        s.Catalogue.AddRange(r.StringList(map, "catalogue", "'settings'"));
        return s;
    }

    private static void CheckDuplicates(ModelsManifest manifest, List<Finding> findings)
    {
        var seen = new Dictionary<string, ModelEntry>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var model in manifest.Models)
        {
            foreach (var name in new[] { model.Id }.Concat(model.Aliases))
            {
                if (name.Value.Length == 0) continue;
                if (seen.TryGetValue(name.Value, out var first) && !ReferenceEquals(first, model))
                {
                    findings.Add(Finding.Create(DiagnosticIds.DuplicateModel,
                        $"'{name.Value}' is already declared by the model '{first.Id.Value}' at line {first.Id.Location.Line}",
                        name.Location, model.Id.Value));
                }
                else
                {
                    seen[name.Value] = model;
                }
            }
        }
    }
}

public sealed class ManifestReadResult
{
    public ManifestReadResult(ModelsManifest? manifest, List<Finding> findings)
    {
        Manifest = manifest;
        Findings = findings;
    }

    /// <summary>Null only when the file could not be parsed as YAML at all.</summary>
    public ModelsManifest? Manifest { get; }

    public List<Finding> Findings { get; }

    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
}
