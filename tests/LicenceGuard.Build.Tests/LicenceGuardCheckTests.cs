using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Build.Tests;

/// <summary>The build-gate task with a fake build engine: located errors, outputs, the clean stamp, never a throw.</summary>
public sealed class LicenceGuardCheckTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lg-check-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (LicenceGuardCheck Task, FakeBuildEngine Engine, bool Result) Run(string yaml, Action<LicenceGuardCheck>? configure = null)
    {
        var manifest = Path.Combine(_dir, "models.yaml");
        File.WriteAllText(manifest, yaml);
        var engine = new FakeBuildEngine();
        var task = new LicenceGuardCheck
        {
            BuildEngine = engine,
            ManifestPath = manifest,
            ComplianceManifestPath = Path.Combine(_dir, "obj", "compliance-manifest.json"),
            StampPath = Path.Combine(_dir, "obj", "check.stamp"),
            Today = "2026-11-29",
        };
        configure?.Invoke(task);
        return (task, engine, task.Execute());
    }

    [Fact]
    public void ModelWithoutLicence_Triggers_ErrorAtManifestLine()
    {
        var (_, engine, result) = Run("organisation: { commercial: true }\nmodels:\n  - id: gpt-4o-mini\n");
        Assert.False(result);
        var error = Assert.Single(engine.Errors, e => e.Code == DiagnosticIds.ModelWithoutLicence);
        Assert.Equal((3, 9), (error.LineNumber, error.ColumnNumber));
        Assert.EndsWith("models.yaml", error.File);
        Assert.Null(error.HelpLink);
        Assert.False(File.Exists(Path.Combine(_dir, "obj", "check.stamp")));
    }

    [Theory]
    [InlineData("https://docs.example.com/licenceguard/", "https://docs.example.com/licenceguard/LG1003.md")]
    [InlineData("https://docs.example.com/licenceguard", "https://docs.example.com/licenceguard/LG1003.md")]
    public void HelpLinks_PointUnderTheConfiguredBase(string helpBase, string expected)
    {
        var (_, engine, _) = Run("organisation: { commercial: true }\nmodels:\n  - id: gpt-4o-mini\n", t => t.HelpBase = helpBase);
        Assert.Equal(expected, Assert.Single(engine.Errors, e => e.Code == DiagnosticIds.ModelWithoutLicence).HelpLink);
    }

    [Fact]
    public void HelpLinks_ToAFolderOfPages_AreFileUris()
    {
        var pages = Directory.CreateDirectory(Path.Combine(_dir, "pkg", "rules", "diagnostics")).FullName;
        var (_, engine, _) = Run("organisation: { commercial: true }\nmodels:\n  - id: gpt-4o-mini\n", t => t.HelpBase = Path.Combine(_dir, "pkg", "build", "..", "rules", "diagnostics"));
        var link = Assert.Single(engine.Errors, e => e.Code == DiagnosticIds.ModelWithoutLicence).HelpLink;
        Assert.Equal(new Uri(Path.Combine(pages, "LG1003.md")).AbsoluteUri, link);
    }

    [Fact]
    public void SarifLog_HoldsTheFindingsTheBuildLogged()
    {
        var sarifPath = Path.Combine(_dir, "out", "licenceguard.sarif");
        var (_, engine, _) = Run("organisation: { commercial: true }\nmodels:\n  - id: gpt-4o-mini\n", t => t.SarifLogPath = sarifPath);
        using var sarif = System.Text.Json.JsonDocument.Parse(File.ReadAllText(sarifPath));
        var ids = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()).ToList();
        Assert.Equal(engine.Errors.Select(e => e.Code).Concat(engine.Warnings.Select(w => w.Code)).OrderBy(x => x), ids.OrderBy(x => x));
        Assert.Contains(DiagnosticIds.ModelWithoutLicence, ids);
    }

    [Fact]
    public void DirectoryAsManifest_Triggers_LG1001_SayingItIsADirectory()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "models.yaml")).FullName;
        var engine = new FakeBuildEngine();
        var task = new LicenceGuardCheck { BuildEngine = engine, ManifestPath = folder, ComplianceManifestPath = Path.Combine(_dir, "obj", "m.json") };
        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal(DiagnosticIds.ManifestUnreadable, error.Code);
        Assert.Equal(folder, error.File);
        Assert.Contains("the path is a directory, not a file", error.Message);
    }

    [Fact]
    public void OrganisationCatalogueFile_IsListedAsAnInputOfTheNextBuild()
    {
        File.WriteAllText(Path.Combine(_dir, "acme.yaml"), "id: LicenseRef-Acme\nname: Acme\nopenness: proprietary-service\n");
        var inputs = Path.Combine(_dir, "obj", "inputs.txt");
        Run("organisation: { commercial: true }\nmodels: []\nsettings:\n  catalogue: [acme.yaml]\n", t => t.WeightsInputsPath = inputs);
        Assert.Equal(Path.Combine(_dir, "acme.yaml") + "\n", File.ReadAllText(inputs));
    }

    [Fact]
    public void CleanManifest_DoesNotTrigger_WritesManifestAndStamp()
    {
        var (task, engine, result) = Run("organisation: { commercial: true }\nmodels: []\n");
        Assert.True(result, engine.All);
        Assert.Equal(0, task.ErrorCount);
        Assert.True(File.Exists(task.ComplianceManifestPath));
        Assert.True(File.Exists(task.StampPath));
    }

    [Fact]
    public void Summary_SaysWhatItCounted()
    {
        var (_, engine, _) = Run("organisation: { commercial: true }\nmodels:\n  - id: gpt-4o-mini\n  - id: gpt-4o\n");
        var summary = Assert.Single(engine.Messages, m => m.Message!.StartsWith("LicenceGuard: models.yaml: ", StringComparison.Ordinal));
        Assert.StartsWith("LicenceGuard: models.yaml: 2 declared model(s) checked, ", summary.Message);
        Assert.Contains("model references in code are the compiler's LG0xxx", summary.Message);
    }

    [Theory]
    [InlineData("", 0, 1)]
    [InlineData("NoWarn", 0, 0)]
    [InlineData("WarningsAsErrors", 1, 0)]
    public void Counts_AndTheCleanStamp_FollowTheProjectsWarningProperties(string property, int errors, int warnings)
    {
        // A catalogue older than a day on 2027-06-01: one warning, as the project's properties make it.
        var (task, engine, _) = Run("organisation: { commercial: true }\nmodels: []\n", t =>
        {
            t.Today = "2027-06-01";
            t.CatalogueMaxAgeDays = "1";
            if (property == "NoWarn") t.NoWarn = DiagnosticIds.CatalogueStale;
            if (property == "WarningsAsErrors") t.WarningsAsErrors = DiagnosticIds.CatalogueStale;
        });
        Assert.Equal((errors, warnings), (task.ErrorCount, task.WarningCount));
        var summary = Assert.Single(engine.Messages, m => m.Message!.StartsWith("LicenceGuard: models.yaml: ", StringComparison.Ordinal));
        Assert.Contains($"{errors} error(s), {warnings} warning(s)", summary.Message);
        // Silenced, nothing stands between this build and the next: the clean stamp lets it be skipped.
        Assert.Equal(errors + warnings == 0, File.Exists(task.StampPath));
    }

    [Fact]
    public void UnchangedManifest_IsNotRewritten()
    {
        var (task, _, _) = Run("organisation: { commercial: true }\nmodels: []\n");
        var first = File.GetLastWriteTimeUtc(task.ComplianceManifestPath);
        Thread.Sleep(20);
        Run("organisation: { commercial: true }\nmodels: []\n");
        Assert.Equal(first, File.GetLastWriteTimeUtc(task.ComplianceManifestPath));
    }

    [Fact]
    public void MissingManifest_Triggers_ClearError_NoThrow()
    {
        var engine = new FakeBuildEngine();
        var task = new LicenceGuardCheck { BuildEngine = engine, ManifestPath = Path.Combine(_dir, "absent.yaml"), ComplianceManifestPath = Path.Combine(_dir, "c.json") };
        Assert.False(task.Execute());
        Assert.Contains("no models.yaml found", Assert.Single(engine.Errors).Message);
    }

    [Fact]
    public void NoManifestAnywhere_IsLocatedAtTheProject_NotAtLicenceGuardsTargets()
    {
        var engine = new FakeBuildEngine();
        var task = new LicenceGuardCheck { BuildEngine = engine, ManifestPath = "", ComplianceManifestPath = Path.Combine(_dir, "c.json") };
        Assert.False(task.Execute());
        Assert.Equal("Consumer.csproj", Assert.Single(engine.Errors).File);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("ten percent")]
    public void BadMargin_Triggers_ClearError(string margin)
    {
        var (_, engine, result) = Run("organisation: { commercial: true }\nmodels: []\n", t => t.ThresholdMargin = margin);
        Assert.False(result);
        Assert.Contains("LicenceGuardThresholdMargin", Assert.Single(engine.Errors).Message);
    }

    [Fact]
    public void MalformedYaml_Triggers_OneLocatedError()
    {
        var (_, engine, result) = Run("organisation:\n  name: [a, b\nmodels: []\n");
        Assert.False(result);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(DiagnosticIds.ManifestUnreadable, error.Code);
        Assert.Equal(2, error.LineNumber);
    }

    [Fact]
    public void WaivedFinding_IsAMessage_NotAnError()
    {
        var yaml = "organisation: { commercial: true }\nmodels:\n  - id: gpt-4o-mini\n    waivers:\n      - { rule: LG1003, reason: pilot, approver: c.officer, expires: 2027-01-01 }\n";
        var (_, engine, result) = Run(yaml);
        Assert.True(result, engine.All);
        Assert.Contains(engine.Messages, m => m.Code == DiagnosticIds.ModelWithoutLicence && m.Message!.Contains("waived until 2027-01-01"));
    }
}

public sealed class WarningPolicyTests
{
    [Theory]
    [InlineData("", "", "", false, "warning")]
    [InlineData("LG1021", "", "", false, "silenced")]
    [InlineData("", "LG1021", "", false, "error")]
    [InlineData("", "", "", true, "error")]
    [InlineData("", "", "LG1021", true, "warning")]
    [InlineData("CS1591;LG1021", "", "", true, "silenced")]
    public void ProjectWarningProperties_ApplyToLicenceGuardWarnings(string noWarn, string asErrors, string notAsErrors, bool all, string expected)
    {
        var policy = new WarningPolicy(noWarn, asErrors, notAsErrors, all);
        var actual = policy.IsSilenced("LG1021") ? "silenced" : policy.IsError("LG1021") ? "error" : "warning";
        Assert.Equal(expected, actual);
    }
}
