using System;
using System.Collections.Generic;
using System.Linq;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Core.Dependencies;

/// <summary>
/// The dependency audit's policy step: each package's licence against the <c>dependencies:</c> policy (LG1101, LG1102),
/// each model file inside a package against the declared models (LG1103), unreadable packages (LG1104), then the
/// manifest's waivers for those rules. Pure: the packages come in already read.
/// </summary>
public static class DependencyEvaluator
{
    public static DependencyAuditResult Evaluate(IEnumerable<AuditedPackage> packages, DependencyPolicy policy, ModelsManifest? manifest,
        IVersionRanges ranges, DateTime today)
    {
        var result = new DependencyAuditResult(policy);
        var manifestPath = manifest?.Path ?? policy.Location.File;
        foreach (var package in packages.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Version, StringComparer.Ordinal))
        {
            var evaluation = EvaluateLicence(package, policy, ranges);
            result.Packages.Add(evaluation);
            AddLicenceFinding(result, evaluation, manifestPath);
            foreach (var file in package.ModelFiles.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                var declaredBy = ModelFileCoverage.DeclaredBy(manifest, package.Id, file.Path);
                var identity = ModelFileCoverage.Identity(package.Id, file.Path);
                evaluation.ModelFiles.Add(new ModelFileEvaluation(file, identity, declaredBy));
                if (declaredBy != null) continue;
                result.Findings.Add(Finding.Create(DiagnosticIds.ModelFileInPackage,
                    $"package {package.Display} ships model weights '{file.Path}' ({file.Format}, {file.Size:#,0} bytes) that models.yaml does not declare; " +
                    $"declare it like any other model, with its licence: a model whose id is '{ModelFileCoverage.Scheme}{package.Id}' or '{identity}', " +
                    $"or whose weights path ends with '{file.Path}' ({package.DescribePath()})",
                    SourceLocation.None(manifestPath), null, Facts(package, ("file", file.Path), ("format", file.Format))));
            }
        }
        // The audit's own pass over its own findings, with the same code as the compliance run's.
        if (manifest != null)
            result.Waivers.AddRange(WaiverPass.Apply(manifest.Waivers.Where(WaiverPass.IsDependencyWaiver), result.Findings, today, WaiverPass.DeclaredNames(manifest)));
        return result;
    }

    private static PackageEvaluation EvaluateLicence(AuditedPackage package, DependencyPolicy policy, IVersionRanges ranges)
    {
        var e = new PackageEvaluation(package);
        var term = package.Licence.Term;
        if (term != null) e.Classes.AddRange(term.Leaves().Select(l => LicenceClassifier.Classify(l.IdWithPlus, l.Exception)));

        if (package.Problem != null)
        {
            e.Verdict = DependencyVerdict.Unreadable;
            e.Reason = package.Problem;
            return e;
        }
        var exception = policy.Exceptions.FirstOrDefault(x => Glob.IsMatch(x.Package.Value, package.Id)
            && (x.Versions is null || ranges.Contains(x.Versions.Value, package.Version)));
        if (exception != null)
        {
            e.Verdict = DependencyVerdict.Excepted;
            e.Exception = exception;
            e.DecidedAt = exception.Location;
            e.Reason = $"package exception: {exception.Reason}";
            return e;
        }
        var outcome = term != null
            ? LicenceDecision.Decide(term, policy)
            : LicenceDecision.DecideClass(LicenceClass.Unknown, "that licence", policy);
        e.Verdict = outcome.Verdict;
        e.Reason = outcome.Reason;
        e.DecidedAt = outcome.At;
        return e;
    }

    private static void AddLicenceFinding(DependencyAuditResult result, PackageEvaluation e, string manifestPath)
    {
        var p = e.Package;
        switch (e.Verdict)
        {
            case DependencyVerdict.Denied:
                result.Findings.Add(Finding.Create(DiagnosticIds.DependencyLicenceDenied,
                    $"package {p.Display} ({p.Licence.Describe()}) is denied by the dependency policy: {e.Reason}; {p.DescribePath()}",
                    e.DecidedAt.IsNone ? SourceLocation.None(manifestPath) : e.DecidedAt, null, Facts(p)));
                break;
            case DependencyVerdict.NotAllowed:
                result.Findings.Add(Finding.Create(DiagnosticIds.DependencyLicenceUnknown,
                    $"package {p.Display} ({p.Licence.Describe()}) is not allowed by the dependency policy: {e.Reason}; allow its licence or class under 'dependencies:' in models.yaml, " +
                    $"or add a package exception with the reason; {p.DescribePath()}",
                    SourceLocation.None(manifestPath), null, Facts(p)));
                break;
            case DependencyVerdict.Unreadable:
                result.Findings.Add(Finding.Create(DiagnosticIds.DependencyAuditFailed,
                    $"package {p.Display} could not be audited: {p.Problem}; {p.DescribePath()}", SourceLocation.None(manifestPath), null, Facts(p)));
                break;
        }
    }

    private static IReadOnlyList<KeyValuePair<string, string>> Facts(AuditedPackage p, params (string Key, string Value)[] more)
    {
        var facts = new List<KeyValuePair<string, string>>
        {
            new("package", p.Id),
            new("version", p.Version),
            new("path", p.IsDirect ? "direct" : string.Join(" → ", p.Path)),
            new("licence", p.Licence.Describe()),
        };
        facts.AddRange(more.Select(m => new KeyValuePair<string, string>(m.Key, m.Value)));
        return facts;
    }
}
