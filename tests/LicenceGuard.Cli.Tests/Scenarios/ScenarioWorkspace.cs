using System.Text.Json;
using LicenceGuard.Core.Text;

namespace LicenceGuard.Cli.Tests.Scenarios;

/// <summary>
/// Writes one organisation + model scenario as models.yaml, runs <c>licenceguard check</c> on it through the CLI,
/// and reads back the compliance manifest the CLI wrote.
/// </summary>
internal sealed class ScenarioWorkspace : IDisposable
{
    public const string Today = "2026-12-06";

    private readonly string _dir = Directory.CreateTempSubdirectory("lg-scenario-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public CheckOutcome Check(string organisation, string model)
    {
        var manifest = Path.Combine(_dir, "models.yaml");
        File.WriteAllText(manifest, organisation + "models:\n" + model);
        var json = Path.Combine(_dir, "compliance.json");
        var (exit, output, error) = CliRunner.Run("check", "--manifest", manifest, "--today", Today, "-o", json);
        Assert.True(File.Exists(json), $"no compliance manifest (exit {exit}): {output}{error}");
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        var verdict = root.GetProperty("models").EnumerateArray().Single().GetProperty("verdict").GetString()!;
        var findings = root.GetProperty("findings").EnumerateArray()
            .Select(f => new ScenarioFinding(f.GetProperty("id").GetString()!, f.GetProperty("effectiveSeverity").GetString()!, f.GetProperty("message").GetString()!))
            .ToList();
        return new CheckOutcome(exit, verdict, findings, output);
    }

    /// <summary>The canonical SHA-256 of a licence text kept in rules/texts: what a reviewer who read it records.</summary>
    public static string HashOf(string textFile) => LicenceText.CanonicalSha256(File.ReadAllText(TextPath(textFile)));

    public static string TextPath(string textFile) => Path.Combine(RepositoryRoot(), "rules", "texts", textFile);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "rules", "catalogue.yaml"))) return dir.FullName;
        throw new InvalidOperationException("repository root with rules/catalogue.yaml not found above " + AppContext.BaseDirectory);
    }
}

internal sealed record ScenarioFinding(string Id, string Severity, string Message);

internal sealed record CheckOutcome(int Exit, string Verdict, List<ScenarioFinding> Findings, string Output);
