using System.Collections.Generic;
using LicenceGuard.Core.Manifest;

namespace LicenceGuard.Core.Dependencies;

/// <summary>
/// The <c>dependencies:</c> section of models.yaml: which licences the product may take in through NuGet packages.
/// An explicit licence id wins over a class: deny id, then allow id, then deny class, then allow class; a package
/// exception wins over all of them.
/// </summary>
public sealed class DependencyPolicy
{
    /// <summary>Allowed when models.yaml has no <c>dependencies:</c> section or no <c>allow:</c> in it.</summary>
    public static readonly LicenceClass[] DefaultAllowClasses = { LicenceClass.Permissive, LicenceClass.WeakCopyleft };

    /// <summary>True when models.yaml says nothing about dependencies and the defaults apply.</summary>
    public bool IsDefault { get; set; }

    public SourceLocation Location { get; set; }

    public List<Located<LicenceClass>> AllowClasses { get; } = new();
    public List<Located<string>> AllowLicences { get; } = new();
    public List<Located<LicenceClass>> DenyClasses { get; } = new();
    public List<Located<string>> DenyLicences { get; } = new();
    public List<PackageException> Exceptions { get; } = new();

    public static DependencyPolicy Default(string manifestPath)
    {
        var p = new DependencyPolicy { IsDefault = true, Location = SourceLocation.None(manifestPath) };
        foreach (var c in DefaultAllowClasses) p.AllowClasses.Add(new Located<LicenceClass>(c, SourceLocation.None(manifestPath)));
        return p;
    }
}

/// <summary>A package (id or glob, optionally a NuGet version range) that the organisation allows whatever its licence says.</summary>
public sealed class PackageException
{
    public SourceLocation Location { get; set; }
    public Located<string> Package { get; set; } = new(string.Empty, default);

    /// <summary>A NuGet version range (<c>[1.2,2.0)</c>, <c>1.2</c> = 1.2 or later); null covers every version.</summary>
    public Located<string>? Versions { get; set; }

    /// <summary>The licence the organisation established for it (e.g. after reading its licence file), recorded as is.</summary>
    public Located<string>? Licence { get; set; }

    public string Reason { get; set; } = string.Empty;
}

/// <summary>NuGet's version semantics, supplied by the caller (the MSBuild task uses NuGet.Versioning) so Core stays free of NuGet.</summary>
public interface IVersionRanges
{
    bool IsValidRange(string range);

    bool Contains(string range, string version);
}
