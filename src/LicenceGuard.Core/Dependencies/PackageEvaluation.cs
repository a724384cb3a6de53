using System.Collections.Generic;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Core.Dependencies;

/// <summary>What the policy says about a package's licence, in order of severity.</summary>
public enum DependencyVerdict
{
    Allowed = 0,

    /// <summary>Allowed by a package exception in models.yaml, whatever its licence.</summary>
    Excepted = 1,

    /// <summary>Unknown, or known but on neither list: LG1102.</summary>
    NotAllowed = 2,

    /// <summary>On the deny list: LG1101.</summary>
    Denied = 3,

    /// <summary>The package could not be read: LG1104.</summary>
    Unreadable = 4,
}

public sealed class PackageEvaluation
{
    public PackageEvaluation(AuditedPackage package) => Package = package;

    public AuditedPackage Package { get; }
    public DependencyVerdict Verdict { get; set; }

    /// <summary>The class of every licence id in the expression, in order; empty when there is no expression.</summary>
    public List<LicenceClass> Classes { get; } = new();

    /// <summary>One sentence: why the verdict.</summary>
    public string Reason { get; set; } = string.Empty;

    /// <summary>The models.yaml entry that decided (a deny or allow item, an exception); none for the defaults.</summary>
    public SourceLocation DecidedAt { get; set; }

    public PackageException? Exception { get; set; }
    public List<ModelFileEvaluation> ModelFiles { get; } = new();
}

public sealed class ModelFileEvaluation
{
    public ModelFileEvaluation(PackageModelFile file, string identity, string? declaredBy)
    {
        File = file;
        Identity = identity;
        DeclaredBy = declaredBy;
    }

    public PackageModelFile File { get; }

    /// <summary><c>nuget:Package.Id/path/in/package</c>: the id a models.yaml entry may use to declare it.</summary>
    public string Identity { get; }

    /// <summary>The declared model (its id) that covers the file; null when none does (LG1103).</summary>
    public string? DeclaredBy { get; }
}

public sealed class DependencyAuditResult
{
    public DependencyAuditResult(DependencyPolicy policy) => Policy = policy;

    public DependencyPolicy Policy { get; }
    public List<PackageEvaluation> Packages { get; } = new();

    /// <summary>Every finding, waived ones included.</summary>
    public List<Finding> Findings { get; } = new();

    /// <summary>The dependency waivers (rules LG11xx or with a package) and how many findings each covers.</summary>
    public List<KeyValuePair<Manifest.Waiver, int>> Waivers { get; } = new();
}
