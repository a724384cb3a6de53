using System.Text.Json;
using System.Text.Json.Nodes;
using LicenceGuard.Core.Approval;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Output;
using LicenceGuard.Core.Policy;
using LicenceGuard.Core.Tests.Reports;

namespace LicenceGuard.Core.Tests.Document;

public class ComplianceDocumentTests
{
    private static readonly string FormatVersion1 = RepoPaths.Get("tests", "LicenceGuard.Core.Tests", "Document", "FormatVersion1");

    [Fact]
    public void Written_ReadBack_AndWrittenAgain_IsTheSameBytes()
    {
        var (_, json) = ReportSamples.Build();
        var document = ComplianceJson.Parse(json);
        Assert.Equal(json, ComplianceJson.ToJson(document));
        Assert.Equal(ComplianceDocument.CurrentSchemaVersion, document.SchemaVersion);
        Assert.DoesNotContain("\r", json);
        Assert.EndsWith("}\n", json);
        // The embedded foreign documents survive the round trip as the writer wrote them.
        Assert.Equal("passed", document.Models.Single(m => m.Id == "test/Model-8B").HardwareAttestation!.Value.GetProperty("result").GetString());
        Assert.Equal("Newtonsoft.Json", document.Dependencies!.Value.GetProperty("packages")[0].GetProperty("id").GetString());
    }

    [Fact]
    public void Statuses_AreTyped_AndSpeltAsTheManifestAlwaysHas()
    {
        var (_, json) = ReportSamples.Build();
        var document = ComplianceJson.Parse(json);
        var model = document.Models.Single(m => m.Id == "test/Model-8B");
        Assert.Equal(ThresholdStatus.Near, model.Thresholds.Single(t => t.Metric == "monthly-active-users").Status);
        Assert.Contains("\"status\": \"near\"", json);
        Assert.Equal(PerimeterStatus.Violation, document.Models.Single(m => m.Id == "test/K2-Instruct").Perimeter.Verdict);
        Assert.Contains("\"verdict\": \"inside-or-not-sensitive\"", json);
        Assert.Contains("\"effectiveSeverity\": \"warning\"", json);
        var unknown = json.Replace("\"status\": \"near\"", "\"status\": \"close\"");
        var ex = Assert.Throws<JsonException>(() => ComplianceJson.Parse(unknown));
        Assert.Contains("'close' is not a ThresholdStatus", ex.Message);
    }

    [Fact]
    public void LicenceTerms_AreRecordedOncePerLicence_AndEachEditionApart()
    {
        var yaml = Eval.Manifest(Eval.Org,
            "  - { id: Qwen/Qwen2.5-72B-Instruct, licence: LicenseRef-Tongyi-Qianwen, hosting: { mode: self-hosted } }\n",
            "  - { id: Qwen/Qwen-7B-Chat, licence: LicenseRef-Tongyi-Qianwen, hosting: { mode: self-hosted } }\n",
            "  - { id: Qwen/Qwen-14B-Chat, licence: LicenseRef-Tongyi-Qianwen, hosting: { mode: self-hosted } }\n");
        var document = DocumentBuilder.Build(ComplianceCheck.RunText(yaml, Path.Combine(Path.GetTempPath(), "models.yaml"), new PolicyOptions { Today = Eval.Today }));
        var keys = document.Models.Select(m => m.Licence).ToList();
        Assert.All(keys, k => Assert.True(k != null && document.Licences.ContainsKey(k), $"'{k}' is not in licences"));
        Assert.Equal(keys.Distinct().Count(), document.Licences.Count);
        var edition = document.Models.Single(m => m.Id == "Qwen/Qwen2.5-72B-Instruct");
        var later = document.Models.Single(m => m.Id == "Qwen/Qwen-7B-Chat");
        Assert.NotEqual(edition.Licence, later.Licence);
        Assert.Equal(later.Licence, document.Models.Single(m => m.Id == "Qwen/Qwen-14B-Chat").Licence);
        Assert.NotEmpty(document.TermsOf(edition)!.ModelSpecificClausesApplied);
    }

    [Fact]
    public void LockOfTheFirstFormat_IsMigrated_AndTheSameFactsAreNoDrift()
    {
        var lockPath = Path.Combine(FormatVersion1, ApprovalLock.FileName);
        Assert.Contains("\"formatVersion\": 1", File.ReadAllText(lockPath));
        var old = ApprovalLock.Read(lockPath, out var error, out _);
        Assert.True(old != null, error);
        Assert.Equal(new ApprovalRecord("c.officer", "2026-11-29"), old!.Approval);
        Assert.Equal(4, old.Models.Count);
        Assert.All(old.Models, m => Assert.Equal(m.DeclaredLicence, old.TermsOf(m)!.Id));
        Assert.Equal(old.Models.Select(m => m.Licence).Distinct().Count(), old.Licences.Count);

        // The manifest those facts were approved from, evaluated by this version: nothing to approve again.
        var run = ComplianceRun.Execute(new ComplianceRunInput(Path.Combine(FormatVersion1, "models.yaml"))
        {
            Options = new PolicyOptions { Today = new DateTime(2026, 11, 29) },
            CodeLocations = new SortedDictionary<string, List<CodeLocation>>(StringComparer.Ordinal),
            LockPath = lockPath,
            DriftSeverity = Severity.Error,
        });
        Assert.DoesNotContain(run.Findings, f => f.Id is DiagnosticIds.DriftFromApproved or DiagnosticIds.LockUnreadable);
        Assert.Empty(ManifestDiff.Compare(run.Document!, old));

        // The migrated terms are the ones compared: a changed text in the old lock is a change.
        var edited = ComplianceJson.Parse(File.ReadAllText(lockPath).Replace(old.TermsOf(old.Models[0])!.TextSha256!, new string('e', 64)));
        Assert.Contains(ManifestDiff.Compare(run.Document!, edited), c => c.Kind == "licence-text-changed" && c.ModelId == old.Models[0].Id);
    }

    [Fact]
    public void LockOfTheFirstFormat_WithAMemberTwice_IsRefusedWithAMessage_NotAnException()
    {
        var dir = Path.Combine(Path.GetTempPath(), "lg-doc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            // A merge that kept both sides' line of the same member.
            var text = File.ReadAllText(Path.Combine(FormatVersion1, ApprovalLock.FileName));
            var path = Path.Combine(dir, ApprovalLock.FileName);
            File.WriteAllText(path, text.Replace("\"formatVersion\": 1,", "\"formatVersion\": 1,\n  \"tool\": \"LicenceGuard 0.1.0\","));
            Assert.Null(ApprovalLock.Read(path, out var error, out _));
            Assert.StartsWith("it is not an approved compliance manifest this version can read (a member appears twice", error);
            Assert.Contains("tool", error);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void LargeLock_WhoseMembersAFormatterSorted_IsRead()
    {
        // A JSON formatter that sorts keys (a pre-commit hook's, an editor's) puts schemaVersion after findings and
        // models: more than the first 64 KB of a lock of a few dozen models.
        var (_, json) = ReportSamples.Build();
        var root = JsonNode.Parse(json)!.AsObject();
        var findings = root["findings"]!.AsArray();
        var first = findings[0]!.ToJsonString();
        while (findings.ToJsonString().Length < 200 * 1024) findings.Add(JsonNode.Parse(first));
        var sorted = new JsonObject(root.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        Assert.True(sorted.ToJsonString().IndexOf("\"schemaVersion\"", StringComparison.Ordinal) > 64 * 1024);

        var document = ComplianceJson.Parse(sorted.ToJsonString());
        Assert.Equal(ComplianceDocument.CurrentSchemaVersion, document.SchemaVersion);
        Assert.Equal(findings.Count, document.Findings.Count);

        // One member longer than the block it is read in.
        sorted["manifest"] = new string('m', 150 * 1024);
        Assert.Equal(150 * 1024, ComplianceJson.Parse(sorted.ToJsonString()).Manifest!.Length);
    }

    [Fact]
    public void NewerSchemaVersion_IsRefused_SayingSo()
    {
        var ex = Assert.Throws<JsonException>(() => ComplianceJson.Parse("{ \"schemaVersion\": 3, \"models\": [] }"));
        Assert.Contains("newer LicenceGuard (schemaVersion 3)", ex.Message);
        Assert.Contains("no schemaVersion", Assert.Throws<JsonException>(() => ComplianceJson.Parse("{ \"models\": [] }")).Message);
    }

    [Theory]
    [InlineData("{ \"schemaVersion\": 2, \"models\": null }", "models is null")]
    [InlineData("{ \"schemaVersion\": 2, \"models\": [ { \"id\": \"\" } ] }", "models[0] has no id")]
    [InlineData("{ \"schemaVersion\": 2, \"models\": [ { \"id\": \"m\", \"aliases\": null } ] }", "models[0].aliases is null")]
    [InlineData("{ \"schemaVersion\": 2, \"models\": [ { \"id\": \"m\", \"licence\": \"MIT\" } ] }", "models[0].licence 'MIT' is not in 'licences'")]
    [InlineData("{ \"schemaVersion\": 2, \"licences\": { \"MIT\": { \"id\": \"MIT\", \"thresholds\": null } } }", "licences['MIT'].thresholds is null")]
    [InlineData("{ \"schemaVersion\": 2, \"models\": [ { \"id\": \"m\", \"verdict\": 7 } ] }", "a number is not a Verdict value (expected pass, warn, fail)")]
    [InlineData("{ \"schemaVersion\": 2, \"findings\": [ { \"id\": \"LG1001\", \"severity\": null } ] }", "null is not a Severity value")]
    public void DocumentReadersCannotUse_IsRefused_NamingTheMember(string json, string expected) =>
        Assert.Contains(expected, Assert.Throws<JsonException>(() => ComplianceJson.Parse(json)).Message);

    [Fact]
    public void MinimalDocument_GetsEmptySections_NotNulls()
    {
        var document = ComplianceJson.Parse("{ \"schemaVersion\": 2, \"models\": [ { \"id\": \"m\", \"verdict\": \"warn\" } ] }");
        var model = Assert.Single(document.Models);
        Assert.Equal(Verdict.Warn, model.Verdict);
        Assert.Empty(model.Aliases);
        Assert.Empty(document.Licences);
        Assert.NotNull(document.Catalogue);
        Assert.Equal("unknown", model.HostingText);
    }

    [Fact]
    public void ReadBack_RepeatedTexts_AreOneString_SoALargeLockStaysSmall()
    {
        var yaml = Eval.Manifest(Eval.Org, string.Concat(Enumerable.Range(0, 3).Select(i => $"  - {{ id: Qwen/Qwen-7B-Chat-{i}, licence: LicenseRef-Tongyi-Qianwen, hosting: {{ mode: self-hosted }} }}\n")));
        var json = ComplianceJson.ToJson(DocumentBuilder.Build(ComplianceCheck.RunText(yaml, Path.Combine(Path.GetTempPath(), "models.yaml"), new PolicyOptions { Today = Eval.Today })));
        var document = ComplianceJson.Parse(json);
        var duties = document.Models.Select(m => m.Duties.First().Text).ToList();
        Assert.NotNull(duties[0]);
        Assert.All(duties, d => Assert.Same(duties[0], d));
        Assert.Same(document.Models[0].Location.File, document.Models[2].Location.File);
        Assert.Equal(json, ComplianceJson.ToJson(document));
    }

    [Fact]
    public void LockFile_WithAByteOrderMark_OrLargerThanTheYamlLimit_IsRead_AndAMergeConflictIsNotValidJson()
    {
        var dir = Path.Combine(Path.GetTempPath(), "lg-doc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var (_, json) = ReportSamples.Build();
            var path = Path.Combine(dir, ApprovalLock.FileName);
            File.WriteAllBytes(path, new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes(json)).ToArray());
            Assert.NotNull(ApprovalLock.Read(path, out var error, out _));
            Assert.Null(error);

            // A lock is a generated document that grows with the models (about 2 KB each), so models.yaml's 16 MiB
            // limit does not apply to it; ComplianceJson.MaxBytes does.
            var big = json.Replace("\"manifest\": \"models.yaml\",", "\"manifest\": \"models.yaml\",\n  \"padding\": \"" + new string('x', 17 * 1024 * 1024) + "\",");
            File.WriteAllText(path, big);
            Assert.NotNull(ApprovalLock.Read(path, out error, out _));

            File.WriteAllText(path, json.Replace("  \"models\": [", "<<<<<<< HEAD\n  \"models\": ["));
            Assert.Null(ApprovalLock.Read(path, out error, out var line));
            Assert.StartsWith("it is not valid JSON", error);
            Assert.True(line > 1);

            File.WriteAllText(path, json.Replace("\"verdict\": \"fail\"", "\"verdict\": 7"));
            Assert.Null(ApprovalLock.Read(path, out error, out _));
            Assert.StartsWith("it is not an approved compliance manifest this version can read", error);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void PackageWaiver_IsRecordedWithItsPackage_AndCoversWhatTheAuditCounted()
    {
        var dir = Path.Combine(Path.GetTempPath(), "lg-doc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var path = Path.Combine(dir, "models.yaml");
            File.WriteAllText(path, Eval.Manifest(Eval.Org, Eval.ReviewedModel) +
                "waivers:\n  - { rule: LG1101, package: \"Some.*\", reason: legal reviewed, approver: c.officer, expires: 2027-01-31 }\n");
            var audit = "{ \"waivers\": [ { \"rule\": \"LG1101\", \"package\": \"Some.*\", \"reason\": \"legal reviewed\", \"approver\": \"c.officer\", \"expires\": \"2027-01-31\", \"covers\": 2 } ] }";
            var run = ComplianceRun.Execute(new ComplianceRunInput(path) { Options = new PolicyOptions { Today = Eval.Today }, DependenciesJson = audit, DriftSeverity = null });
            var waiver = Assert.Single(run.Document!.Waivers);
            Assert.Equal(("Some.*", 2), (waiver.Package, waiver.Covers));
            Assert.Equal("Some.*", Assert.Single(ComplianceJson.Parse(ComplianceJson.ToJson(run.Document)).Waivers).Package);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
