using LicenceGuard.Core.Approval;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Output;
using LicenceGuard.Core.Tests.Reports;

namespace LicenceGuard.Core.Tests.Approval;

public class ApprovalTests
{
    private static ComplianceDocument Manifest(string yaml) => DocumentBuilder.Build(Eval.Run(yaml));

    private static List<ManifestChange> Diff(string approvedYaml, string currentYaml)
    {
        var approved = ComplianceJson.Parse(ApprovalLock.Create(Manifest(approvedYaml), "c.officer", Eval.Today));
        return ManifestDiff.Compare(Manifest(currentYaml), approved);
    }

    private static readonly string Base = Eval.Manifest(Eval.Org, Eval.ReviewedModel);

    [Fact]
    public void Lock_IsDeterministic_CarriesApprover_DropsTimestamp()
    {
        var document = DocumentBuilder.Build(Eval.Run(Base), generatedAt: new DateTime(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc));
        Assert.Contains("\"generatedAt\": \"2026-11-29T10:00:00Z\"", ComplianceJson.ToJson(document));
        var a = ApprovalLock.Create(document, "c.officer", Eval.Today);
        Assert.Equal(a, ApprovalLock.Create(document, "c.officer", Eval.Today));
        Assert.Equal(a, ApprovalLock.Create(ComplianceJson.Parse(a), "c.officer", Eval.Today)); // re-approving a lock replaces the approval
        Assert.DoesNotContain("generatedAt", a);
        Assert.Equal(new ApprovalRecord("c.officer", "2026-11-29"), ComplianceJson.Parse(a).Approval);
    }

    [Fact]
    public void SameFacts_DoNotTrigger()
    {
        Assert.Empty(Diff(Base, Base));
        // Moving the model down a line is not a change a person signs off on.
        Assert.Empty(Diff(Base, Base.Replace("models:\n", "models:\n\n")));
    }

    [Fact]
    public void NewModel_Triggers_AtItsLine()
    {
        var current = Base + "  - id: test/K2-Instruct\n    licence: LicenseRef-Test-Modified-MIT\n";
        var change = Assert.Single(Diff(Base, current));
        Assert.Equal("model-added", change.Kind);
        Assert.Equal(17, change.Line);
        Assert.Equal("test/K2-Instruct", change.ModelId);
    }

    [Fact]
    public void LicenceTextHashChange_Triggers()
    {
        var approved = ComplianceJson.Parse(ComplianceJson.ToJson(Manifest(Base)).Replace(new string('a', 64), new string('e', 64)));
        var change = Assert.Single(ManifestDiff.Compare(Manifest(Base), approved), c => c.Kind == "licence-text-changed");
        Assert.Contains("eeeeeeeeeeee", change.Message);
    }

    [Fact]
    public void ThresholdNowWithinMargin_Triggers_ButStayingNear_DoesNotTrigger()
    {
        var near = Base.Replace("monthlyActiveUsers: 3500000", "monthlyActiveUsers: 650000000");
        var change = Assert.Single(Diff(Base, near));
        Assert.Equal("threshold-near", change.Kind);
        Assert.Contains("monthly-active-users", change.Message);
        Assert.Empty(Diff(near, near.Replace("650000000", "660000000")));
    }

    [Fact]
    public void WaiverAdded_And_WeightsHashChanged_Trigger()
    {
        var withWeights = Base + "    weights: [{ path: m.onnx, sha256: \"" + new string('1', 64) + "\" }]\n";
        var current = withWeights.Replace(new string('1', 64), new string('2', 64))
            + "waivers:\n  - { rule: LG1009, model: test/Model-8B, reason: growth plan agreed, approver: c.officer, expires: 2027-01-31 }\n";
        var kinds = Diff(withWeights, current).Select(c => c.Kind).OrderBy(k => k).ToList();
        Assert.Equal(new[] { "waiver-added", "weights-changed" }, kinds);
    }

    [Fact]
    public void DriftCheck_ReportsEachChangeWithConfiguredSeverity_AtTheModelsYamlLine()
    {
        var dir = Path.Combine(Path.GetTempPath(), "lg-drift-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var manifestPath = Path.Combine(dir, "models.yaml");
            var lockPath = Path.Combine(dir, ApprovalLock.FileName);
            File.WriteAllText(lockPath, ApprovalLock.Create(Manifest(Base), "c.officer", new DateTime(2026, 11, 1)));
            var current = Manifest(Base + "  - id: test/K2-Instruct\n    licence: LicenseRef-Test-Modified-MIT\n");
            var f = Assert.Single(DriftCheck.Run(manifestPath, current, ApprovalLock.Load(lockPath), Severity.Error));
            Assert.Equal(DiagnosticIds.DriftFromApproved, f.Id);
            Assert.Equal(Severity.Error, f.Severity);
            Assert.Equal((manifestPath, 17), (f.Location.File, f.Location.Line));
            Assert.Contains("since c.officer approved it on 2026-11-01", f.Message);

            Assert.Empty(DriftCheck.Run(manifestPath, current, ApprovalLock.Load(Path.Combine(dir, "absent.json")), Severity.Warning));

            File.WriteAllText(lockPath, "{\n  \"models\": [\n<<<<<<< HEAD\n");
            var broken = Assert.Single(DriftCheck.Run(manifestPath, current, ApprovalLock.Load(lockPath), Severity.Warning));
            Assert.Equal(DiagnosticIds.LockUnreadable, broken.Id);
            Assert.Equal(3, broken.Location.Line);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("", Severity.Warning)]
    [InlineData("Error", Severity.Error)]
    [InlineData("none", null)]
    public void DriftSeverity_Parses(string text, Severity? expected)
    {
        Assert.True(DriftSeverity.TryParse(text, out var severity));
        Assert.Equal(expected, severity);
        Assert.False(DriftSeverity.TryParse("loud", out _));
    }
}

public class CodeUseDriftTests
{
    private static ComplianceDocument Manifest(bool recorded, params string[] files) => new()
    {
        Manifest = "models.yaml",
        CodeLocationsRecorded = recorded,
        Models = { new ModelRecord { Id = "m", Location = new FileLocation("models.yaml", 4, 9), CodeLocations = files.Select((f, i) => new CodeLocation(f, i + 3, 5)).ToList() } },
    };

    [Fact]
    public void NewFileUsingAModel_IsAChange_AtThatCode_AndAGoneOneAtTheModel()
    {
        var approved = Manifest(true, "A.cs");
        var now = Manifest(true, "A.cs", "B.cs");
        var added = Assert.Single(ManifestDiff.CompareCodeUse(now, approved));
        Assert.Equal(("code-use-added", "B.cs", 4), (added.Kind, added.File, added.Line));
        var removed = Assert.Single(ManifestDiff.CompareCodeUse(approved, now));
        Assert.Equal(("code-use-removed", "models.yaml", 4), (removed.Kind, removed.File, removed.Line));
    }

    [Fact]
    public void MovedWithinAFile_OrNotRecorded_IsNoChange()
    {
        var approved = Manifest(true, "A.cs");
        var moved = Manifest(true, "A.cs", "A.cs");
        Assert.Empty(ManifestDiff.CompareCodeUse(moved, approved));
        var gate = Manifest(false);
        Assert.Empty(ManifestDiff.CompareCodeUse(gate, approved));
        Assert.DoesNotContain(ManifestDiff.Compare(gate, approved), c => c.Kind.StartsWith("code-use", StringComparison.Ordinal));
    }
}
