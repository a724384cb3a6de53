using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Policy;
using LicenceGuard.Core.Weights;

namespace LicenceGuard.Core;

/// <summary>
/// The evaluation of one models.yaml, the first step of every <see cref="ComplianceRun"/> (build and CLI): read it,
/// load the catalogue with the organisation's files, evaluate. Reader errors and policy findings come back together,
/// sorted. Waivers are not applied here: <see cref="ComplianceRun"/> applies them once every finding of the run is known.
/// </summary>
public static class ComplianceCheck
{
    /// <summary>A product declares tens of models; past this the manifest is refused rather than evaluated (LG1052).
    /// 20,000 models are checked within the bench's bounds (bench/ManifestBench), so this leaves room without
    /// letting memory grow unbounded.</summary>
    public const int MaxModels = 50_000;

    /// <summary>Findings kept in one result; the rest are counted in one LG1052.</summary>
    public const int MaxFindings = 10_000;

    public static EvaluationResult RunFile(string manifestPath, PolicyOptions? options = null, IEnumerable<string>? extraCatalogue = null, WeightsVerifierOptions? weights = null) =>
        Run(ManifestReader.ReadFile(manifestPath), manifestPath, options, extraCatalogue, weights);

    /// <summary>Evaluates manifest text already in memory: weights files are not read unless <paramref name="weights"/> is given.</summary>
    public static EvaluationResult RunText(string text, string manifestPath, PolicyOptions? options = null, IEnumerable<string>? extraCatalogue = null, WeightsVerifierOptions? weights = null) =>
        Run(ManifestReader.ReadText(text, manifestPath), manifestPath, options, extraCatalogue, weights, verifyWeights: weights != null);

    public static EvaluationResult Run(ManifestReadResult read, string manifestPath, PolicyOptions? options, IEnumerable<string>? extraCatalogue,
        WeightsVerifierOptions? weights = null, bool verifyWeights = true)
    {
        options ??= new PolicyOptions();
        var manifest = read.Manifest;
        if (manifest is null)
        {
            var failed = new EvaluationResult(null, CatalogueLoader.LoadEmbedded(), options);
            failed.Findings.AddRange(read.Findings);
            return failed;
        }
        if (manifest.Models.Count > MaxModels)
        {
            var over = new EvaluationResult(null, CatalogueLoader.LoadEmbedded(), options);
            over.Findings.Add(Finding.Create(DiagnosticIds.InputOverLimit,
                $"models.yaml declares {manifest.Models.Count} models, over the limit of {MaxModels}; a product uses tens: split the manifest per product",
                manifest.Models[MaxModels].Id.Location));
            return over;
        }
        if (manifest.Settings.ThresholdMargin != null) options.ThresholdMargin = manifest.Settings.ThresholdMargin.Value;
        if (manifest.Settings.CatalogueMaxAgeDays != null) options.CatalogueMaxAgeDays = manifest.Settings.CatalogueMaxAgeDays.Value;

        var dir = Path.GetDirectoryName(Path.GetFullPath(manifestPath)) ?? ".";
        var extra = manifest.Settings.Catalogue.Select(c => Path.Combine(dir, c.Value))
            .Concat(extraCatalogue ?? Enumerable.Empty<string>()).ToList();
        var catalogue = CatalogueLoader.Load(extra);
        // Weights integrity (LG2001-LG2006) reads files, so it runs here rather than in the pure evaluator.
        WeightsVerification? verification = null;
        if (verifyWeights && manifest.Models.Any(m => m.Weights.Count > 0 || m.Target != null))
            verification = WeightsVerifier.Verify(manifest, catalogue, weights ?? new WeightsVerifierOptions());
        var result = PolicyEvaluator.Evaluate(manifest, catalogue, options, verification?.Findings);
        result.Weights = verification;
        result.Findings.AddRange(read.Findings);
        // Organisation overrides of the embedded catalogue: each one visible, relaxations only with an approver.
        result.Findings.AddRange(OverrideGovernance.Findings(catalogue));
        result.Findings.Sort(FindingOrder.Instance);
        CapFindings(result);
        return result;
    }

    /// <summary>
    /// Keeps the first <see cref="MaxFindings"/> findings, in order, and says how many more there were, so that the
    /// outputs built from them (messages, compliance manifest, reports) stay bounded. The cap is itself an error: a
    /// result that lost findings never passes.
    /// </summary>
    private static void CapFindings(EvaluationResult result)
    {
        if (result.Findings.Count <= MaxFindings) return;
        var more = result.Findings.Count - MaxFindings;
        var at = result.Manifest is null ? SourceLocation.None(string.Empty) : new SourceLocation(result.Manifest.Path, 1, 1);
        result.Findings.RemoveRange(MaxFindings, more);
        result.Findings.Add(Finding.Create(DiagnosticIds.InputOverLimit, $"{more} more finding(s) over the limit of {MaxFindings} are not listed; fix the ones above and check again", at));
    }
}
