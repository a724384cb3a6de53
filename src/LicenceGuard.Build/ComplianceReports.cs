using System.Collections.Generic;
using System.IO;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Output;
using LicenceGuard.Core.Reports;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace LicenceGuard.Build;

/// <summary>The reports of a compliance manifest (LicenceGuardReport=true), compared with the approved lock when there is a readable one.</summary>
internal static class ComplianceReports
{
    /// <param name="reportListPath">Where the report files written are listed, one per line: the report names live in
    /// ReportGenerator only, and the targets copy what this list names.</param>
    /// <param name="approved">The approved lock's document (the run read it once), when there is a readable one.</param>
    public static void Write(TaskLoggingHelper log, ComplianceDocument manifest, string? reportDirectory, string? reportListPath, ComplianceDocument? approved)
    {
        if (string.IsNullOrWhiteSpace(reportDirectory)) return;
        var written = new List<string>();
        foreach (var format in ReportGenerator.BuildFormats)
        {
            var path = Path.Combine(reportDirectory!, ReportGenerator.FileName(format));
            if (AtomicFile.WriteIfChanged(path, ReportGenerator.Generate(format, manifest, approved)))
                log.LogMessage(MessageImportance.Normal, "LicenceGuard: wrote {0}", path);
            written.Add(Path.GetFullPath(path));
        }
        if (!string.IsNullOrWhiteSpace(reportListPath)) AtomicFile.WriteIfChanged(reportListPath!, string.Join("\n", written) + "\n");
    }
}
