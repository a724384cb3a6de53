using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Core;

/// <summary>
/// The whole check as the build, the CLI and the analyzer run it: read models.yaml, load the catalogue with the
/// organisation's files, evaluate. Reader errors and policy findings come back together, sorted.
/// </summary>
public static class ComplianceCheck
{
    public static EvaluationResult RunFile(string manifestPath, PolicyOptions? options = null, IEnumerable<string>? extraCatalogue = null) =>
        Run(ManifestReader.ReadFile(manifestPath), manifestPath, options, extraCatalogue);

    public static EvaluationResult RunText(string text, string manifestPath, PolicyOptions? options = null, IEnumerable<string>? extraCatalogue = null) =>
        Run(ManifestReader.ReadText(text, manifestPath), manifestPath, options, extraCatalogue);

    public static EvaluationResult Run(ManifestReadResult read, string manifestPath, PolicyOptions? options, IEnumerable<string>? extraCatalogue)
    {
        options ??= new PolicyOptions();
        var manifest = read.Manifest;
        if (manifest is null)
        {
            var failed = new EvaluationResult(null, CatalogueLoader.LoadEmbedded(), options);
            failed.Findings.AddRange(read.Findings);
            return failed;
        }
        if (manifest.Settings.ThresholdMargin != null) options.ThresholdMargin = manifest.Settings.ThresholdMargin.Value;
        if (manifest.Settings.CatalogueMaxAgeDays != null) options.CatalogueMaxAgeDays = manifest.Settings.CatalogueMaxAgeDays.Value;

        var dir = Path.GetDirectoryName(Path.GetFullPath(manifestPath)) ?? ".";
        var extra = manifest.Settings.Catalogue.Select(c => Path.Combine(dir, c.Value))
            .Concat(extraCatalogue ?? Enumerable.Empty<string>()).ToList();
        var catalogue = CatalogueLoader.Load(extra);
        var result = PolicyEvaluator.Evaluate(manifest, catalogue, options);
        result.Findings.AddRange(read.Findings);
        result.Findings.Sort(FindingOrder.Instance);
        return result;
    }
}
