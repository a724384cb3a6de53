using System;
using System.Collections.Generic;
using LicenceGuard.Core.Output;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Core.Weights;

/// <summary>What <see cref="WeightsVerifier.Verify"/> found: findings (LG2001–LG2006) and JSON for the compliance manifest.</summary>
public sealed class WeightsVerification
{
    public List<Finding> Findings { get; } = new();

    /// <summary>Inspection JSON per weights path as written in models.yaml (for <see cref="ComplianceExtras.WeightsInspections"/>).</summary>
    public SortedDictionary<string, string> WeightsJson { get; } = new(StringComparer.Ordinal);

    /// <summary>Inspections per full path.</summary>
    public SortedDictionary<string, WeightsInspection> Inspections { get; } = new(StringComparer.Ordinal);

    public List<MemoryFit> MemoryFits { get; } = new();

    /// <summary>Files hashed in this run (the rest came from the cache).</summary>
    public int FilesHashed { get; internal set; }

    /// <summary>The memory-fit breakdown per model, a JSON object; null when no model declares a known target GPU.</summary>
    public string? MemoryFitJson => MemoryFits.Count == 0 ? null : WeightsJsonWriter.MemoryFits(MemoryFits);

    /// <summary>Puts the inspections and the memory-fit breakdown  into the compliance manifest's extras.</summary>
    public void AddTo(ComplianceExtras extras)
    {
        foreach (var pair in WeightsJson) extras.WeightsInspections[pair.Key] = JsonFragment.Parse(pair.Value);
        if (MemoryFitJson is { } fit) extras.MemoryFit = JsonFragment.Parse(fit);
    }
}
