using LicenceGuard.Core.Dependencies;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Policy;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.Tests.Dependencies;

/// <summary>
/// Version ranges for Core's tests, which cannot use NuGet: "[low, high)" and "[low, high]" over System.Version, and a
/// bare version meaning "this or later" as in NuGet. The MSBuild task uses NuGet.Versioning itself.
/// </summary>
internal sealed class SimpleRanges : IVersionRanges
{
    public bool IsValidRange(string range) => TryParse(range, out _, out _, out _);

    public bool Contains(string range, string version)
    {
        if (!TryParse(range, out var low, out var high, out var highInclusive) || !Version.TryParse(version, out var v)) return false;
        if (v < low) return false;
        return high is null || (highInclusive ? v <= high : v < high);
    }

    private static bool TryParse(string range, out Version low, out Version? high, out bool highInclusive)
    {
        high = null;
        highInclusive = false;
        var t = range.Trim();
        if (Version.TryParse(t, out low!)) return true;
        if (t.Length < 5 || t[0] != '[' || (t[^1] != ')' && t[^1] != ']')) return false;
        var parts = t[1..^1].Split(',');
        if (parts.Length != 2 || !Version.TryParse(parts[0].Trim(), out low!) || !Version.TryParse(parts[1].Trim(), out var h)) return false;
        high = h;
        highInclusive = t[^1] == ']';
        return true;
    }
}

internal static class Deps
{
    public static readonly DateTime Today = new(2026, 11, 29);

    public const string Org = """
        organisation:
          name: Example Ltd
          commercial: true
          domicile: GB
        """;

    public static AuditedPackage Package(string id, string? expressionOrNull, params string[] pathBefore)
    {
        var path = pathBefore.Append(id + " 1.0.0").ToList();
        var package = new AuditedPackage(id, "1.0.0", path);
        if (expressionOrNull != null)
            package.Licence = new PackageLicence { Source = LicenceSource.Expression, Expression = expressionOrNull, Term = Leaf(expressionOrNull) };
        return package;
    }

    public static LicenceLeaf Leaf(string id, string? exception = null) => new(id, false, exception);

    public static (ModelsManifest Manifest, DependencyPolicy Policy, List<Finding> Errors) Read(string yaml)
    {
        var read = ManifestReader.ReadText(Org + "\nmodels: []\n" + yaml, "models.yaml");
        Assert.NotNull(read.Manifest);
        var errors = new List<Finding>(read.Findings);
        var reader = new NodeReader((location, message) => errors.Add(Finding.Create(Diagnostics.DiagnosticIds.ManifestInvalid, message, location)));
        var policy = DependencyPolicyReader.Read(read.Manifest!.DependencyPolicy, reader, new SimpleRanges(), "models.yaml");
        return (read.Manifest!, policy, errors);
    }

    public static DependencyAuditResult Evaluate(string yaml, params AuditedPackage[] packages)
    {
        var (manifest, policy, errors) = Read(yaml);
        Assert.Empty(errors);
        return DependencyEvaluator.Evaluate(packages, policy, manifest, new SimpleRanges(), Today);
    }
}
