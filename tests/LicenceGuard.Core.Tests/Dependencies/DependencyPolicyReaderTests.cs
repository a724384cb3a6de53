using LicenceGuard.Core.Dependencies;

namespace LicenceGuard.Core.Tests.Dependencies;

public class DependencyPolicyReaderTests
{
    [Fact]
    public void NoDependenciesSection_DoesNotTrigger_DefaultsAllowPermissiveAndWeakCopyleft()
    {
        var (_, policy, errors) = Deps.Read(string.Empty);
        Assert.Empty(errors);
        Assert.True(policy.IsDefault);
        Assert.Equal(new[] { LicenceClass.Permissive, LicenceClass.WeakCopyleft }, policy.AllowClasses.Select(c => c.Value));
        Assert.Empty(policy.DenyClasses);
    }

    [Fact]
    public void FullPolicy_DoesNotTrigger_ReadsEveryPart()
    {
        var (_, policy, errors) = Deps.Read("""
            dependencies:
              allow: { classes: [permissive], licences: [MPL-2.0] }
              deny:
                classes: [strong-copyleft, proprietary]
                licences: [LGPL-3.0-only]
              exceptions:
                - package: "Acme.*"
                  versions: "[1.0, 2.0)"
                  licence: LicenseRef-Acme-EULA
                  reason: contract 4411
            """);
        Assert.Empty(errors);
        Assert.False(policy.IsDefault);
        Assert.Equal(new[] { LicenceClass.Permissive }, policy.AllowClasses.Select(c => c.Value));
        Assert.Equal("MPL-2.0", Assert.Single(policy.AllowLicences).Value);
        Assert.Equal(new[] { LicenceClass.StrongCopyleft, LicenceClass.Proprietary }, policy.DenyClasses.Select(c => c.Value));
        Assert.Equal(9, policy.DenyClasses[0].Location.Line);
        var exception = Assert.Single(policy.Exceptions);
        Assert.Equal("Acme.*", exception.Package.Value);
        Assert.Equal("[1.0, 2.0)", exception.Versions!.Value);
        Assert.Equal("contract 4411", exception.Reason);
    }

    [Fact]
    public void UnknownClass_Triggers_LocatedError()
    {
        var (_, _, errors) = Deps.Read("dependencies:\n  deny: { classes: [copyleft] }\n");
        var error = Assert.Single(errors);
        Assert.Equal("LG1002", error.Id);
        Assert.Equal(7, error.Location.Line);
        Assert.Contains("'copyleft' is not a licence class", error.Message);
    }

    [Fact]
    public void InvalidVersionRange_Triggers_LocatedError()
    {
        var (_, policy, errors) = Deps.Read("dependencies:\n  exceptions:\n    - { package: Acme.Lib, versions: \"[oops\", reason: r }\n");
        var error = Assert.Single(errors);
        Assert.Contains("is not a NuGet version range", error.Message);
        Assert.Equal(8, error.Location.Line);
        Assert.Empty(policy.Exceptions);
    }

    [Fact]
    public void ExceptionWithoutReason_Triggers_LocatedError()
    {
        var (_, _, errors) = Deps.Read("dependencies:\n  exceptions:\n    - package: Acme.Lib\n");
        Assert.Contains(errors, e => e.Message.Contains("needs 'reason'"));
    }

    [Fact]
    public void ExpressionInLicenceList_Triggers_LocatedError()
    {
        var (_, _, errors) = Deps.Read("dependencies:\n  allow: { licences: [\"MIT OR Apache-2.0\"] }\n");
        Assert.Contains("not a single SPDX licence id", Assert.Single(errors).Message);
    }

    [Fact]
    public void MisspelledKey_Triggers_SuggestsTheRightOne()
    {
        var (_, _, errors) = Deps.Read("dependencies:\n  excepions: []\n");
        Assert.Contains("did you mean 'exceptions'", Assert.Single(errors).Message);
    }

    [Fact]
    public void WaiverWithPackage_DoesNotTrigger_IsReadAtTopLevel()
    {
        var (manifest, _, errors) = Deps.Read("waivers:\n  - { rule: LG1102, package: Acme.Lib, reason: r, approver: legal, expires: 2027-01-01 }\n");
        Assert.Empty(errors);
        Assert.Equal("Acme.Lib", Assert.Single(manifest.Waivers).Package!.Value);
    }
}
