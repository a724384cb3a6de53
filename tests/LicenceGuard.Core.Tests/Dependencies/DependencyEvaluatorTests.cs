using LicenceGuard.Core.Dependencies;

namespace LicenceGuard.Core.Tests.Dependencies;

public class DependencyEvaluatorTests
{
    [Fact]
    public void PermissiveLicence_DefaultPolicy_DoesNotTrigger()
    {
        var result = Deps.Evaluate(string.Empty, Deps.Package("Acme.Lib", "MIT"));
        Assert.Empty(result.Findings);
        Assert.Equal(DependencyVerdict.Allowed, Assert.Single(result.Packages).Verdict);
    }

    [Fact]
    public void DeniedClass_Transitive_Triggers_LG1101AtTheDenyEntry_NamingThePath()
    {
        var result = Deps.Evaluate("dependencies:\n  deny: { classes: [strong-copyleft] }\n",
            Deps.Package("Acme.Gpl", "GPL-3.0-only", "Acme.App 2.0.0", "Acme.Middle 1.1.0"));
        var finding = Assert.Single(result.Findings);
        Assert.Equal("LG1101", finding.Id);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(7, finding.Location.Line);
        Assert.Contains("package Acme.Gpl 1.0.0 (GPL-3.0-only) is denied", finding.Message);
        Assert.Contains("it comes in through Acme.App 2.0.0 → Acme.Middle 1.1.0 → Acme.Gpl 1.0.0", finding.Message);
    }

    [Fact]
    public void LicenceFileOnly_DefaultPolicy_Triggers_LG1102Warning()
    {
        var package = new AuditedPackage("Acme.Lib", "1.0.0", new[] { "Acme.Lib 1.0.0" }) { Licence = new PackageLicence { Source = LicenceSource.File, File = "LICENSE.txt" } };
        var finding = Assert.Single(Deps.Evaluate(string.Empty, package).Findings);
        Assert.Equal("LG1102", finding.Id);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("the licence file 'LICENSE.txt'", finding.Message);
        Assert.Contains("it is referenced directly", finding.Message);
    }

    [Fact]
    public void OrExpression_OneSideAllowed_DoesNotTrigger()
    {
        var package = Deps.Package("Acme.Dual", null);
        package.Licence = new PackageLicence
        {
            Source = LicenceSource.Expression,
            Term = new LicenceOperation(LicenceOperator.Or, Deps.Leaf("GPL-3.0-only"), Deps.Leaf("MIT")),
        };
        var result = Deps.Evaluate("dependencies:\n  deny: { classes: [strong-copyleft] }\n", package);
        Assert.Empty(result.Findings);
        Assert.Equal(new[] { LicenceClass.StrongCopyleft, LicenceClass.Permissive }, result.Packages[0].Classes);
    }

    [Fact]
    public void AndExpression_OneSideDenied_Triggers()
    {
        var package = Deps.Package("Acme.Both", null);
        package.Licence = new PackageLicence
        {
            Source = LicenceSource.Expression,
            Term = new LicenceOperation(LicenceOperator.And, Deps.Leaf("MIT"), Deps.Leaf("AGPL-3.0-only")),
        };
        var result = Deps.Evaluate("dependencies:\n  deny: { licences: [AGPL-3.0] }\n", package);
        Assert.Equal("LG1101", Assert.Single(result.Findings).Id);
    }

    [Fact]
    public void AllowedId_BeatsDeniedClass_DoesNotTrigger()
    {
        var result = Deps.Evaluate("dependencies:\n  allow: { licences: [LGPL-2.1-only] }\n  deny: { classes: [weak-copyleft] }\n",
            Deps.Package("Acme.Lgpl", "LGPL-2.1-only"));
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void PackageException_InRange_DoesNotTrigger_OutOfRange_Triggers()
    {
        const string policy = "dependencies:\n  deny: { classes: [strong-copyleft] }\n  exceptions:\n    - { package: \"Acme.*\", versions: \"[1.0, 2.0)\", reason: bought a commercial licence }\n";
        var inRange = Deps.Evaluate(policy, Deps.Package("Acme.Gpl", "GPL-3.0-only"));
        Assert.Empty(inRange.Findings);
        Assert.Equal(DependencyVerdict.Excepted, inRange.Packages[0].Verdict);

        var newer = new AuditedPackage("Acme.Gpl", "2.1.0", new[] { "Acme.Gpl 2.1.0" })
        {
            Licence = new PackageLicence { Source = LicenceSource.Expression, Term = Deps.Leaf("GPL-3.0-only") },
        };
        Assert.Equal("LG1101", Assert.Single(Deps.Evaluate(policy, newer).Findings).Id);
    }

    [Fact]
    public void ModelFileInPackage_Undeclared_Triggers_LG1103()
    {
        var package = Deps.Package("Acme.Models", "MIT", "Acme.App 1.0.0");
        package.ModelFiles.Add(new PackageModelFile("contentFiles/any/any/models/tiny.onnx", "onnx", 1234));
        var finding = Assert.Single(Deps.Evaluate(string.Empty, package).Findings);
        Assert.Equal("LG1103", finding.Id);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("'contentFiles/any/any/models/tiny.onnx' (onnx, 1,234 bytes)", finding.Message);
        Assert.Contains("nuget:Acme.Models", finding.Message);
        Assert.Contains("Acme.App 1.0.0 → Acme.Models 1.0.0", finding.Message);
    }

    [Theory]
    [InlineData("  - id: nuget:Acme.Models\n    licence: MIT\n")]
    [InlineData("  - id: tiny\n    aliases: [\"nuget:Acme.Models/contentFiles/any/any/models/tiny.onnx\"]\n    licence: MIT\n")]
    [InlineData("  - id: tiny\n    licence: MIT\n    weights:\n      - path: models/tiny.onnx\n")]
    public void ModelFileInPackage_Declared_DoesNotTrigger(string model)
    {
        var read = Core.Manifest.ManifestReader.ReadText(Deps.Org + "\nmodels:\n" + model, "models.yaml");
        Assert.Empty(read.Findings);
        var package = Deps.Package("Acme.Models", "MIT");
        package.ModelFiles.Add(new PackageModelFile("contentFiles/any/any/models/tiny.onnx", "onnx", 10));
        var result = DependencyEvaluator.Evaluate(new[] { package }, DependencyPolicy.Default("models.yaml"), read.Manifest, new SimpleRanges(), Deps.Today);
        Assert.Empty(result.Findings);
        Assert.NotNull(result.Packages[0].ModelFiles[0].DeclaredBy);
    }

    [Fact]
    public void WeightsPathWithOtherFileName_DoesNotCover()
    {
        Assert.False(ModelFileCoverage.SameTail("models/other.onnx", "contentFiles/any/any/models/tiny.onnx"));
        Assert.False(ModelFileCoverage.SameTail("weights/tiny.onnx", "contentFiles/any/any/models/tiny.onnx"));
        Assert.True(ModelFileCoverage.SameTail("./tiny.onnx", "models/tiny.onnx"));
    }

    [Fact]
    public void UnreadablePackage_Triggers_LG1104()
    {
        var package = Deps.Package("Acme.Gone", null);
        package.Problem = "it is not in the packages folder(s) /p; restore again";
        var finding = Assert.Single(Deps.Evaluate(string.Empty, package).Findings);
        Assert.Equal("LG1104", finding.Id);
        Assert.Contains("restore again", finding.Message);
    }

    [Fact]
    public void PackageWaiver_Live_WaivesTheFinding_OtherPackagesStillTrigger()
    {
        var result = Deps.Evaluate("waivers:\n  - { rule: LG1102, package: Acme.Lib, reason: licence under review, approver: legal, expires: 2027-01-31 }\n",
            FileLicensed("Acme.Lib"), FileLicensed("Other.Lib"));
        var waived = Assert.Single(result.Findings, f => f.IsWaived);
        Assert.Equal("Acme.Lib", waived.Facts.First(f => f.Key == "package").Value);
        Assert.Equal(Severity.Info, waived.EffectiveSeverity);
        Assert.Single(result.Findings, f => !f.IsWaived && f.Id == "LG1102");
        Assert.Equal(1, Assert.Single(result.Waivers).Value);
    }

    [Fact]
    public void PackageWaiver_Expired_Triggers_LG1014()
    {
        var result = Deps.Evaluate("waivers:\n  - { rule: LG1102, package: Acme.Lib, reason: r, approver: legal, expires: 2026-01-31 }\n", FileLicensed("Acme.Lib"));
        Assert.Contains(result.Findings, f => f.Id == "LG1014" && f.Message.Contains("for package 'Acme.Lib'"));
        Assert.Contains(result.Findings, f => f.Id == "LG1102" && !f.IsWaived);
    }

    [Fact]
    public void DependencyWaiver_MatchingNothing_Triggers_LG1015_AndTheModelPolicyIgnoresIt()
    {
        const string yaml = "waivers:\n  - { rule: LG1101, reason: r, approver: legal, expires: 2027-01-31 }\n";
        var result = Deps.Evaluate(yaml, Deps.Package("Acme.Lib", "MIT"));
        Assert.Equal("LG1015", Assert.Single(result.Findings).Id);
        var modelResult = Eval.Run(Deps.Org + "\nmodels: []\n" + yaml);
        Assert.DoesNotContain(modelResult.Findings, f => f.Id == "LG1015");
    }

    [Fact]
    public void Json_IsDeterministic_AndListsEveryPackage()
    {
        var packages = new[] { Deps.Package("Zed.Lib", "MIT"), Deps.Package("Acme.Lib", "Apache-2.0", "Zed.Lib 1.0.0") };
        var first = DependencyJsonWriter.ToJson(Deps.Evaluate(string.Empty, packages));
        var second = DependencyJsonWriter.ToJson(Deps.Evaluate(string.Empty, packages.Reverse().ToArray()));
        Assert.Equal(first, second);
        using var doc = System.Text.Json.JsonDocument.Parse(first);
        var ids = doc.RootElement.GetProperty("packages").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToArray();
        Assert.Equal(new[] { "Acme.Lib", "Zed.Lib" }, ids);
        Assert.Equal("Apache-2.0", doc.RootElement.GetProperty("packages")[0].GetProperty("licence").GetProperty("expression").GetString());
        Assert.Equal("default", doc.RootElement.GetProperty("policy").GetProperty("source").GetString());
    }

    private static AuditedPackage FileLicensed(string id) =>
        new(id, "1.0.0", new[] { id + " 1.0.0" }) { Licence = new PackageLicence { Source = LicenceSource.File, File = "LICENSE" } };
}
