using System;
using LicenceGuard.Core.Document;

namespace LicenceGuard.Core.Reports;

public enum ReportFormat
{
    Html,
    Markdown,
    Json,
    CycloneDx,
    Notices,
    Spdx3,
}

/// <summary>One entry point for every report, from the compliance manifest and, optionally, the approved lock.</summary>
public static class ReportGenerator
{
    public static string Generate(ReportFormat format, ComplianceDocument manifest, ComplianceDocument? approved = null) => format switch
    {
        ReportFormat.Html => HtmlReport.Generate(manifest, approved),
        ReportFormat.Markdown => MarkdownSummary.Generate(manifest, approved),
        ReportFormat.CycloneDx => CycloneDxWriter.Generate(manifest),
        ReportFormat.Notices => NoticesKit.Generate(manifest),
        ReportFormat.Spdx3 => Spdx3Writer.Generate(manifest, DateTime.UtcNow),
        _ => ComplianceJson.ToJson(manifest),
    };

    public static bool TryParse(string? text, out ReportFormat format)
    {
        switch ((text ?? string.Empty).Trim().ToLowerInvariant())
        {
            case "html": format = ReportFormat.Html; return true;
            case "md": case "markdown": format = ReportFormat.Markdown; return true;
            case "json": format = ReportFormat.Json; return true;
            case "cyclonedx": case "cdx": format = ReportFormat.CycloneDx; return true;
            case "notices": format = ReportFormat.Notices; return true;
            case "spdx3": case "spdx": format = ReportFormat.Spdx3; return true;
            default: format = ReportFormat.Html; return false;
        }
    }

    /// <summary>The file name the build gives each report in obj/ and the output directory.</summary>
    public static string FileName(ReportFormat format) => format switch
    {
        ReportFormat.Html => "compliance-report.html",
        ReportFormat.Markdown => "compliance-summary.md",
        ReportFormat.CycloneDx => "compliance-bom.cdx.json",
        ReportFormat.Notices => "MODEL-NOTICES.txt",
        ReportFormat.Spdx3 => "compliance-bom.spdx3.json",
        _ => "compliance-manifest.json",
    };

    public static readonly ReportFormat[] BuildFormats = { ReportFormat.Html, ReportFormat.Markdown, ReportFormat.CycloneDx, ReportFormat.Notices };
}
