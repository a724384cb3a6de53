using LicenceGuard.Core.Dependencies;
using NuGet.Versioning;

namespace LicenceGuard.Build.Dependencies;

/// <summary>NuGet's own version-range semantics for package exceptions in models.yaml.</summary>
internal sealed class NuGetVersionRanges : IVersionRanges
{
    public static readonly NuGetVersionRanges Instance = new();

    public bool IsValidRange(string range) => VersionRange.TryParse(range, out _);

    public bool Contains(string range, string version) =>
        VersionRange.TryParse(range, out var r) && NuGetVersion.TryParse(version, out var v) && r.Satisfies(v);
}
