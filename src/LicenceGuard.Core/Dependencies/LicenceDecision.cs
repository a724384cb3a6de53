using System;
using System.Linq;
using LicenceGuard.Core.Manifest;

namespace LicenceGuard.Core.Dependencies;

/// <summary>
/// Decides one licence expression against the policy. AND: every licence applies, so the worst decides. OR: the
/// product may pick, so the best decides. An explicit id beats a class: deny id, allow id, deny class, allow class.
/// </summary>
internal static class LicenceDecision
{
    public readonly struct Outcome
    {
        public Outcome(DependencyVerdict verdict, string reason, SourceLocation at)
        {
            Verdict = verdict;
            Reason = reason;
            At = at;
        }

        public DependencyVerdict Verdict { get; }
        public string Reason { get; }
        public SourceLocation At { get; }
    }

    public static Outcome Decide(LicenceTerm term, DependencyPolicy policy)
    {
        if (term is LicenceOperation op)
        {
            var left = Decide(op.Left, policy);
            var right = Decide(op.Right, policy);
            if (op.Operator == LicenceOperator.And) return right.Verdict > left.Verdict ? right : left;
            return right.Verdict < left.Verdict ? right : left;
        }
        var leaf = (LicenceLeaf)term;
        var cls = LicenceClassifier.Classify(leaf.IdWithPlus, leaf.Exception);
        var name = leaf.ToString();
        var deniedId = policy.DenyLicences.FirstOrDefault(l => Matches(l.Value, leaf));
        if (deniedId != null) return new Outcome(DependencyVerdict.Denied, $"{name} is on the deny list", deniedId.Location);
        var allowedId = policy.AllowLicences.FirstOrDefault(l => Matches(l.Value, leaf));
        if (allowedId != null) return new Outcome(DependencyVerdict.Allowed, $"{name} is on the allow list", allowedId.Location);
        return DecideClass(cls, name, policy);
    }

    /// <summary>For a package without a usable expression: its class is unknown, and only a class rule can decide.</summary>
    public static Outcome DecideClass(LicenceClass cls, string name, DependencyPolicy policy)
    {
        var deniedClass = policy.DenyClasses.FirstOrDefault(c => c.Value == cls);
        if (deniedClass != null) return new Outcome(DependencyVerdict.Denied, $"{name} is {cls.ToName()}, a denied class", deniedClass.Location);
        var allowedClass = policy.AllowClasses.FirstOrDefault(c => c.Value == cls);
        if (allowedClass != null) return new Outcome(DependencyVerdict.Allowed, $"{name} is {cls.ToName()}, an allowed class", allowedClass.Location);
        var allowed = string.Join(", ", policy.AllowClasses.Select(c => c.Value.ToName()).Concat(policy.AllowLicences.Select(l => l.Value)));
        return new Outcome(DependencyVerdict.NotAllowed,
            $"{name} is {cls.ToName()}, which the policy neither allows nor denies (allowed: {(allowed.Length == 0 ? "nothing" : allowed)})",
            policy.Location);
    }

    /// <summary>
    /// A policy id matches the licence exactly (with or without its WITH exception), or names its family:
    /// <c>GPL-3.0</c> covers GPL-3.0-only, GPL-3.0-or-later and GPL-3.0+.
    /// </summary>
    internal static bool Matches(string policyId, LicenceLeaf leaf)
    {
        if (Eq(policyId, leaf.ToString()) || Eq(policyId, leaf.IdWithPlus) || Eq(policyId, leaf.Id)) return true;
        return Family(policyId) == policyId && Eq(policyId, Family(leaf.Id));
    }

    private static string Family(string id)
    {
        foreach (var suffix in new[] { "-only", "-or-later", "+" })
            if (id.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return id.Substring(0, id.Length - suffix.Length);
        return id;
    }

    private static bool Eq(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
