using System.Collections.Generic;
using System.Linq;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Manifest;

namespace LicenceGuard.Core.Policy;

public sealed class EvaluationResult
{
    public EvaluationResult(ModelsManifest? manifest, LicenceCatalogue catalogue, PolicyOptions options)
    {
        Manifest = manifest;
        Catalogue = catalogue;
        Options = options;
    }

    public ModelsManifest? Manifest { get; }
    public LicenceCatalogue Catalogue { get; }
    public PolicyOptions Options { get; }
    public List<ModelEvaluation> Models { get; } = new();
    /// <summary>Every finding, waived ones included, in deterministic order.</summary>
    public List<Finding> Findings { get; } = new();

    /// <summary>Weights integrity, format and memory-fit results, when the manifest declares weights or targets.</summary>
    public Weights.WeightsVerification? Weights { get; internal set; }

    public bool HasErrors => Findings.Any(f => f.EffectiveSeverity == Severity.Error);

    public int Count(Severity severity) => Findings.Count(f => f.EffectiveSeverity == severity);
}
