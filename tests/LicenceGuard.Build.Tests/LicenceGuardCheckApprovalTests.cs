using LicenceGuard.Core.Diagnostics;
using Microsoft.Build.Utilities;

namespace LicenceGuard.Build.Tests;

/// <summary>The task's approval, report and code-location parameters, with a fake build engine.</summary>
public sealed class LicenceGuardCheckApprovalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lg-check-approval-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // The review is waived so that the only findings are the ones these tests are about.
    private static string Manifest(string extraModel = "") =>
        "organisation: { commercial: false }\nmodels:\n  - { id: gpt-4o-mini, licence: LicenseRef-OpenAI-Services, hosting: { mode: api } }\n" + extraModel +
        "waivers:\n  - { rule: LG1005, reason: read under the master agreement, approver: c.officer, expires: 2027-06-30 }\n";

    private static readonly string OneModel = Manifest();

    private (LicenceGuardCheck Task, FakeBuildEngine Engine, bool Result) Run(string yaml, Action<LicenceGuardCheck>? configure = null)
    {
        File.WriteAllText(Path.Combine(_dir, "models.yaml"), yaml);
        var engine = new FakeBuildEngine();
        var task = new LicenceGuardCheck
        {
            BuildEngine = engine,
            ManifestPath = Path.Combine(_dir, "models.yaml"),
            ComplianceManifestPath = Path.Combine(_dir, "obj", "compliance-manifest.json"),
            Today = "2026-11-29",
            LockPath = Path.Combine(_dir, "models.lock.json"),
        };
        configure?.Invoke(task);
        return (task, engine, task.Execute());
    }

    [Fact]
    public void UnknownDriftSeverity_Triggers_ErrorNamingTheProperty()
    {
        var (_, engine, result) = Run(OneModel, t => t.DriftSeverity = "loud");
        Assert.False(result);
        Assert.Contains(engine.Errors, e => e.Message!.Contains("LicenceGuardDriftSeverity"));
    }

    [Fact]
    public void ModelAddedAfterApproval_Triggers_Drift_AtItsLine_AsConfigured()
    {
        Run(OneModel);
        var approved = File.ReadAllText(Path.Combine(_dir, "obj", "compliance-manifest.json"));
        File.WriteAllText(Path.Combine(_dir, "models.lock.json"), Core.Approval.ApprovalLock.Create(Core.Document.ComplianceJson.Parse(approved), "c.officer", new DateTime(2026, 11, 20)));
        var grown = Manifest("  - { id: gpt-4o, licence: LicenseRef-OpenAI-Services, hosting: { mode: api } }\n");

        var (_, engine, result) = Run(grown);
        Assert.True(result, engine.All);
        var drift = Assert.Single(engine.Warnings, w => w.Code == DiagnosticIds.DriftFromApproved);
        Assert.Equal(4, drift.LineNumber);
        // The analyzer's snapshot is written after the drift check, so the editor relays what the build reports.
        var snapshot = Path.Combine(_dir, "obj", "analyzer-snapshot.tsv");
        Run(grown, t => t.AnalyzerSnapshotPath = snapshot);
        Assert.Contains(DiagnosticIds.DriftFromApproved, File.ReadAllLines(snapshot).Single(l => l.StartsWith("model\tgpt-4o\t", StringComparison.Ordinal)));

        var (_, strict, failed) = Run(grown, t => t.DriftSeverity = "error");
        Assert.False(failed);
        Assert.Single(strict.Errors, e => e.Code == DiagnosticIds.DriftFromApproved);

        var (_, off, _) = Run(grown, t => t.DriftSeverity = "none");
        Assert.DoesNotContain(off.Warnings, w => w.Code == DiagnosticIds.DriftFromApproved);
    }

    [Fact]
    public void DesignTime_WritesTheSnapshotOnly_LeavingTheBuildsComplianceManifestAndReports()
    {
        var manifest = Path.Combine(_dir, "obj", "compliance-manifest.json");
        var reports = Path.Combine(_dir, "obj", "reports");
        var sarif = Path.Combine(_dir, "obj", "gate.sarif");
        var snapshot = Path.Combine(_dir, "obj", "analyzer-snapshot.tsv");
        var (_, engine, result) = Run(OneModel, t =>
        {
            t.DesignTime = true;
            t.ReportDirectory = reports;
            t.SarifLogPath = sarif;
            t.AnalyzerSnapshotPath = snapshot;
        });
        Assert.True(result, engine.All);
        Assert.True(File.Exists(snapshot));
        Assert.False(File.Exists(manifest));
        Assert.False(File.Exists(sarif));
        Assert.False(Directory.Exists(reports));
    }

    [Fact]
    public void ReportDirectory_ThenTheCompilersLog_ReportsCarryTheAnalyzersCodeLocations()
    {
        var code = Path.Combine(_dir, "Chat.cs");
        var reports = Path.Combine(_dir, "obj", "reports");
        var manifest = Path.Combine(_dir, "obj", "compliance-manifest.json");
        var (_, engine, result) = Run(OneModel, t => t.ReportDirectory = reports);
        Assert.True(result, engine.All);
        foreach (var file in new[] { "compliance-report.html", "compliance-summary.md", "compliance-bom.cdx.json", "MODEL-NOTICES.txt" })
            Assert.True(File.Exists(Path.Combine(reports, file)), file);
        // Before the compiler: the gate knows no code location.
        Assert.DoesNotContain("Chat.cs", File.ReadAllText(manifest));

        // After CoreCompile: the analyzer's LG0022 records, from the compiler's SARIF log.
        var log = Path.Combine(_dir, "obj", "compiler.sarif");
        File.WriteAllText(log, $$"""
            { "version": "2.1.0", "runs": [ { "results": [ { "ruleId": "LG0022", "level": "note", "message": { "text": "Model reference 'gpt-4o-mini' (literal)" },
              "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "{{new Uri(code).AbsoluteUri}}" }, "region": { "startLine": 1, "startColumn": 35 } } } ],
              "properties": { "customProperties": { "declaredModel": "gpt-4o-mini", "kind": "literal", "literal": "gpt-4o-mini" } } } ] } ] }
            """);
        var references = new LicenceGuardCodeReferences
        {
            BuildEngine = engine,
            ErrorLogPath = log,
            ComplianceManifestPath = manifest,
            ManifestPath = Path.Combine(_dir, "models.yaml"),
            ReportDirectory = reports,
            LockPath = Path.Combine(_dir, "models.lock.json"),
        };
        Assert.True(references.Execute(), engine.All);
        Assert.Contains("\"file\": \"Chat.cs\"", File.ReadAllText(manifest));
        Assert.Contains("<code>Chat.cs:1</code>", File.ReadAllText(Path.Combine(reports, "compliance-report.html")));
    }

    [Fact]
    public void CompilersLogUnreadable_WarnsAndLeavesTheManifest()
    {
        var manifest = Path.Combine(_dir, "obj", "compliance-manifest.json");
        var (_, engine, _) = Run(OneModel);
        var before = File.ReadAllText(manifest);
        var log = Path.Combine(_dir, "obj", "compiler.sarif");
        File.WriteAllText(log, "not a log");
        var task = new LicenceGuardCodeReferences { BuildEngine = engine, ErrorLogPath = log, ComplianceManifestPath = manifest, ManifestPath = Path.Combine(_dir, "models.yaml") };
        Assert.True(task.Execute());
        Assert.Contains(engine.Warnings, w => w.Code == DiagnosticIds.AnalyzerInternalFailure && w.File == log);
        Assert.Equal(before, File.ReadAllText(manifest));
    }

    [Fact]
    public void SarifLog_IsCompletedWithTheCodeUseDrift_OnceHoweverOftenTheTaskRuns()
    {
        var manifest = Path.Combine(_dir, "obj", "compliance-manifest.json");
        var log = Path.Combine(_dir, "obj", "compiler.sarif");
        var final = Path.Combine(_dir, "licenceguard.sarif");
        var gate = Path.Combine(_dir, "obj", "gate.sarif");
        LicenceGuardCodeReferences References(FakeBuildEngine engine) => new()
        {
            BuildEngine = engine, ErrorLogPath = log, ComplianceManifestPath = manifest, ManifestPath = Path.Combine(_dir, "models.yaml"),
            LockPath = Path.Combine(_dir, "models.lock.json"), SarifLogPath = final, GateSarifLogPath = gate,
        };
        // Approved while only Chat.cs used the model.
        Run(OneModel);
        File.WriteAllText(log, CompilerLog("Chat.cs"));
        Assert.True(References(new FakeBuildEngine()).Execute());
        File.WriteAllText(Path.Combine(_dir, "models.lock.json"), Core.Approval.ApprovalLock.Create(Core.Document.ComplianceJson.ReadFile(manifest), "c.officer", new DateTime(2026, 11, 20)));

        // Now Summaries.cs uses it too: known only after the compiler, so the task adds it to the gate's log.
        var (_, engine, _) = Run(OneModel, t => { t.SarifLogPath = final; t.GateSarifLogPath = gate; });
        Assert.Equal(File.ReadAllText(gate), File.ReadAllText(final));
        File.WriteAllText(log, CompilerLog("Chat.cs", "Summaries.cs"));
        for (var run = 0; run < 2; run++)
        {
            Assert.True(References(engine).Execute(), engine.All);
            using var sarif = System.Text.Json.JsonDocument.Parse(File.ReadAllText(final));
            var drift = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Where(r => r.GetProperty("ruleId").GetString() == DiagnosticIds.DriftFromApproved).ToList();
            Assert.Single(drift);
            Assert.EndsWith("/Summaries.cs", drift[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        }
    }

    /// <summary>A compiler's SARIF log with one LG0022 record of gpt-4o-mini in each file.</summary>
    private string CompilerLog(params string[] files) =>
        "{ \"version\": \"2.1.0\", \"runs\": [ { \"results\": [ " + string.Join(", ", files.Select(f => $$"""
            { "ruleId": "LG0022", "level": "note", "message": { "text": "Model reference 'gpt-4o-mini' (literal)" },
              "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "{{new Uri(Path.Combine(_dir, f)).AbsoluteUri}}" }, "region": { "startLine": 1, "startColumn": 35 } } } ],
              "properties": { "customProperties": { "declaredModel": "gpt-4o-mini", "kind": "literal", "literal": "gpt-4o-mini" } } }
            """)) + " ] } ] }";
}
