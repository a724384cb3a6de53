using System.Text.Json;
using LicenceGuard.Core.Approval;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Output;
using LicenceGuard.Core.Tests.Reports;

namespace LicenceGuard.Core.Tests.Approval;

public class ApprovalTests
{
    private static string ManifestJson(string yaml) => ComplianceManifestWriter.ToJson(Eval.Run(yaml));

    private static List<ManifestChange> Diff(string approvedYaml, string currentYaml)
    {
        using var approved = JsonDocument.Parse(ApprovalLock.Create(ManifestJson(approvedYaml), "c.officer", Eval.Today));
        using var current = JsonDocument.Parse(ManifestJson(currentYaml));
        return ManifestDiff.Compare(current.RootElement, approved.RootElement);
    }

    private static readonly string Base = Eval.Manifest(Eval.Org, Eval.ReviewedModel);

    [Fact]
    public void Lock_IsDeterministic_CarriesApprover_DropsTimestamp()
    {
        var json = ComplianceManifestWriter.ToJson(Eval.Run(Base), generatedAt: new DateTime(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc));
        var a = ApprovalLock.Create(json, "c.officer", Eval.Today);
        Assert.Equal(a, ApprovalLock.Create(json, "c.officer", Eval.Today));
        Assert.Equal(a, ApprovalLock.Create(a, "c.officer", Eval.Today)); // re-approving a lock replaces the approval
        Assert.DoesNotContain("generatedAt", a);
        using var doc = JsonDocument.Parse(a);
        Assert.Equal(("c.officer", "2026-11-29"), ApprovalLock.ApprovalOf(doc.RootElement));
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
        var approvedJson = ManifestJson(Base).Replace(new string('a', 64), new string('e', 64));
        using var approved = JsonDocument.Parse(approvedJson);
        using var current = JsonDocument.Parse(ManifestJson(Base));
        var change = Assert.Single(ManifestDiff.Compare(current.RootElement, approved.RootElement), c => c.Kind == "licence-text-changed");
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
            File.WriteAllText(lockPath, ApprovalLock.Create(ManifestJson(Base), "c.officer", new DateTime(2026, 11, 1)));
            var current = ManifestJson(Base + "  - id: test/K2-Instruct\n    licence: LicenseRef-Test-Modified-MIT\n");
            var f = Assert.Single(DriftCheck.Run(manifestPath, current, lockPath, Severity.Error));
            Assert.Equal(DiagnosticIds.DriftFromApproved, f.Id);
            Assert.Equal(Severity.Error, f.Severity);
            Assert.Equal((manifestPath, 17), (f.Location.File, f.Location.Line));
            Assert.Contains("since c.officer approved it on 2026-11-01", f.Message);

            Assert.Empty(DriftCheck.Run(manifestPath, current, Path.Combine(dir, "absent.json"), Severity.Warning));

            File.WriteAllText(lockPath, "{\n  \"models\": [\n<<<<<<< HEAD\n");
            var broken = Assert.Single(DriftCheck.Run(manifestPath, current, lockPath, Severity.Warning));
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
    private static System.Text.Json.JsonDocument Manifest(bool recorded, params string[] files) => System.Text.Json.JsonDocument.Parse(
        "{ \"manifest\": \"models.yaml\", \"codeLocationsRecorded\": " + (recorded ? "true" : "false") + ", \"models\": [ { \"id\": \"m\", \"location\": { \"file\": \"models.yaml\", \"line\": 4, \"column\": 9 }, \"codeLocations\": [" +
        string.Join(", ", files.Select((f, i) => $"{{ \"file\": \"{f}\", \"line\": {i + 3}, \"column\": 5 }}")) + "] } ] }");

    [Fact]
    public void NewFileUsingAModel_IsAChange_AtThatCode_AndAGoneOneAtTheModel()
    {
        using var approved = Manifest(true, "A.cs");
        using var now = Manifest(true, "A.cs", "B.cs");
        var added = Assert.Single(ManifestDiff.CompareCodeUse(now.RootElement, approved.RootElement));
        Assert.Equal(("code-use-added", "B.cs", 4), (added.Kind, added.File, added.Line));
        var removed = Assert.Single(ManifestDiff.CompareCodeUse(approved.RootElement, now.RootElement));
        Assert.Equal(("code-use-removed", "models.yaml", 4), (removed.Kind, removed.File, removed.Line));
    }

    [Fact]
    public void MovedWithinAFile_OrNotRecorded_IsNoChange()
    {
        using var approved = Manifest(true, "A.cs");
        using var moved = Manifest(true, "A.cs", "A.cs");
        Assert.Empty(ManifestDiff.CompareCodeUse(moved.RootElement, approved.RootElement));
        using var gate = Manifest(false);
        Assert.Empty(ManifestDiff.CompareCodeUse(gate.RootElement, approved.RootElement));
        Assert.DoesNotContain(ManifestDiff.Compare(gate.RootElement, approved.RootElement), c => c.Kind.StartsWith("code-use", StringComparison.Ordinal));
    }
}
