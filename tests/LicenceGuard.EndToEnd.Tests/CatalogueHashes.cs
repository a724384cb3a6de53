using System.Text.RegularExpressions;

namespace LicenceGuard.EndToEnd.Tests;

/// <summary>The pinned licence-text hashes, read from rules/ as a reviewer would copy them.</summary>
internal static class CatalogueHashes
{
    public static string Of(PackageFixture fixture, string licenceId) => Of(fixture.RepoRoot, licenceId);

    public static string Of(string repoRoot, string licenceId)
    {
        var text = File.ReadAllText(Path.Combine(repoRoot, "rules", "licences", licenceId + ".yaml"));
        return Regex.Match(text, "sha256:\\s*\"?([0-9a-f]{64})").Groups[1].Value;
    }
}
