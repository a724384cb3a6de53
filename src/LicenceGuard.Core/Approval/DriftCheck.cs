using System;
using System.Collections.Generic;
using System.IO;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Core.Approval;

/// <summary>
/// The build's view of the approval lock: every change since the approved manifest is one LG1201 at the models.yaml
/// line that carries it, until a person approves again. No lock means nothing was approved yet: no drift.
/// </summary>
public static class DriftCheck
{
    /// <param name="codeUseOnly">Only the changes in where code uses each model: the check after the compiler ran, when
    /// the gate before it has reported the rest.</param>
    /// <param name="lockFile">The lock as read; null when there is none.</param>
    public static List<Finding> Run(string manifestPath, ComplianceDocument current, LockReading? lockFile, Severity severity, bool codeUseOnly = false)
    {
        var findings = new List<Finding>();
        if (lockFile is null) return findings;
        if (lockFile.Document is not { } approved)
        {
            findings.Add(Finding.Create(DiagnosticIds.LockUnreadable, $"{Path.GetFileName(lockFile.Path)} cannot be used: {lockFile.Error}",
                new SourceLocation(lockFile.Path, Math.Max(lockFile.Line, 1), 1)));
            return findings;
        }
        var dir = Path.GetDirectoryName(Path.GetFullPath(manifestPath)) ?? string.Empty;
        var since = approved.Approval is { } a ? $"since {a.By} approved it on {a.On}" : "since the approval";
        var changes = codeUseOnly ? ManifestDiff.CompareCodeUse(current, approved) : ManifestDiff.Compare(current, approved);
        foreach (var change in changes)
        {
            var file = string.IsNullOrEmpty(change.File) ? manifestPath : Path.Combine(dir, change.File);
            var location = change.Line > 0 ? new SourceLocation(file, change.Line, Math.Max(change.Column, 1)) : new SourceLocation(manifestPath, 1, 1);
            findings.Add(new Finding(DiagnosticIds.DriftFromApproved, severity,
                $"{change.Message} ({since}; review and run `licenceguard approve --by NAME` to accept)",
                location, change.ModelId, new[] { new KeyValuePair<string, string>("change", change.Kind) }));
        }
        return findings;
    }
}
