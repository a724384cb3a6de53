using System;
using System.Collections.Generic;
using LicenceGuard.Core.Approval;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Output;
using LicenceGuard.Core.Policy;
using LicenceGuard.Core.Weights;

namespace LicenceGuard.Core;

/// <summary>What one compliance run is given: the build task and the CLI fill it from their own inputs.</summary>
public sealed class ComplianceRunInput
{
    public ComplianceRunInput(string manifestPath) => ManifestPath = manifestPath;

    public string ManifestPath { get; }
    public PolicyOptions Options { get; set; } = new();
    public IReadOnlyList<string> ExtraCatalogue { get; set; } = Array.Empty<string>();
    public WeightsVerifierOptions? Weights { get; set; }
    public IReadOnlyList<string> AttestationFiles { get; set; } = Array.Empty<string>();

    /// <summary>Where code uses each declared model (the CLI's run of the analyzers); null in the build, whose gate runs
    /// before the compiler (the references join the manifest after CoreCompile).</summary>
    public SortedDictionary<string, List<CodeLocation>>? CodeLocations { get; set; }

    /// <summary>The dependency audit's report, embedded as is.</summary>
    public string? DependenciesJson { get; set; }

    /// <summary>The approved lock, read once per run: drift from it is reported at <see cref="DriftSeverity"/> (null: not
    /// reported), and <see cref="ComplianceRunResult.Approved"/> gives it to the reports.</summary>
    public string? LockPath { get; set; }
    public Severity? DriftSeverity { get; set; } = Severity.Warning;
}

/// <summary>
/// One compliance run, the same for the build and the CLI: evaluate models.yaml, complete the compliance manifest
/// (code locations, attestations and the evaluation drift they reveal, dependencies), apply the waivers once over
/// every finding so far, then compare the manifest with the approved lock. The findings are final when it returns:
/// adapters only log or print them and write the outputs.
/// </summary>
public static class ComplianceRun
{
    public static ComplianceRunResult Execute(ComplianceRunInput input)
    {
        var result = ComplianceCheck.RunFile(input.ManifestPath, input.Options, input.ExtraCatalogue, input.Weights);
        if (result.Manifest is null) return new ComplianceRunResult(result, null);
        var extras = ComplianceFacts.Collect(result, input.CodeLocations, input.AttestationFiles);
        if (input.DependenciesJson != null) extras.Dependencies = JsonFragment.Parse(input.DependenciesJson);
        // Before the document is made, which records what each waiver covers; drift (LG1201, LG1203) is not waivable.
        WaiverPass.Apply(result);
        var document = DocumentBuilder.Build(result, extras);
        var approved = ApprovalLock.Load(input.LockPath);
        // Drift compares the document just made with the approved one, so it is reported but never part of it.
        if (input.DriftSeverity is { } severity)
            result.Findings.AddRange(DriftCheck.Run(input.ManifestPath, document, approved, severity));
        return new ComplianceRunResult(result, document, approved?.Document);
    }
}

public sealed class ComplianceRunResult
{
    public ComplianceRunResult(EvaluationResult evaluation, ComplianceDocument? document, ComplianceDocument? approved = null)
    {
        Evaluation = evaluation;
        Document = document;
        Approved = approved;
    }

    /// <summary>The approved lock's document, when there is a readable one.</summary>
    public ComplianceDocument? Approved { get; }

    /// <summary>The evaluation, with every finding of the run (drift included).</summary>
    public EvaluationResult Evaluation { get; }

    /// <summary>The compliance manifest; null when models.yaml could not be read.</summary>
    public ComplianceDocument? Document { get; }

    public IReadOnlyList<Finding> Findings => Evaluation.Findings;
}
