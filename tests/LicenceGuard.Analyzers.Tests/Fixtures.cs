using System.Globalization;
using LicenceGuard.Core.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LicenceGuard.Analyzers.Tests;

/// <summary>models.yaml entries whose review is complete, so the policy has nothing to relay for them.</summary>
internal static class Fixtures
{
    public static string Today => DateTime.UtcNow.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A reviewed model entry: the review carries the catalogue's text hash of the licence.</summary>
    public static string Reviewed(string id, string licence, string kind = "api", string extra = "")
    {
        var sha = CatalogueLoader.LoadEmbedded().FindLicence(licence)?.TextSha256?.Value ?? new string('0', 64);
        return $"""
              - id: "{id}"
                kind: {kind}
                licence: {licence}
                hosting: {(kind == "api" ? "{ mode: api, region: us }" : "{ mode: self-hosted }")}
                review: {"{"} by: "A. Reviewer", on: {Today}, textSha256: "{sha}" {"}"}
            {extra}
            """;
    }

    public static string Manifest(string models, string perimeter = "") => $"""
        organisation:
          name: Acme
          commercial: true
          domicile: GB
          monthlyActiveUsers: 1000
        {perimeter}
        models:
        {(models.Length == 0 ? "  []" : models)}
        """;

    /// <summary>LG0008 at models.yaml: it declares no model and the test compilation references the SDKs.</summary>
    public static DiagnosticResult NoModelDeclared => new DiagnosticResult("LG0008", DiagnosticSeverity.Warning).WithSpan("/project/models.yaml", 1, 1, 1, 1);
}
