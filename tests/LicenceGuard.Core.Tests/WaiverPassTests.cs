using System.Text.Json;
using LicenceGuard.Core.Approval;
using LicenceGuard.Core.Dependencies;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Policy;
using LicenceGuard.Core.Tests.Dependencies;

namespace LicenceGuard.Core.Tests;

/// <summary>
/// The one waiver pass, through <see cref="ComplianceRun.Execute"/> as the build and the CLI run it: waivers cover the
/// findings that appear after the policy (evaluation drift, LG1202), each waiver is judged once, what it covers is what
/// the compliance manifest counts, and the dependency audit judges its own waivers with the same code.
/// </summary>
public sealed class WaiverPassTests : IDisposable
{
    private static readonly DateTime Today = new(2026, 11, 29);
    private readonly string _dir = Directory.CreateTempSubdirectory("lg-waivers-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Two models whose newest evaluation ran on another revision: each gets an LG1202, which the run adds after the policy.
    private const string Models = """
        organisation: { name: Example Ltd, commercial: true }
        models:
          - id: org/Model-A
            aliases: [model-a]
            licence: MIT
            revision: v3
            evaluations: [{ date: 2026-10-01, dataset: MedQA, score: "0.7", revision: v2 }]
          - id: org/Model-B
            licence: MIT
            revision: v3
            evaluations: [{ date: 2026-10-01, dataset: MedQA, score: "0.7", revision: v2 }]

        """;

    private string WriteManifest(string text)
    {
        var path = Path.Combine(_dir, "models.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private ComplianceRunResult Run(string waivers, string? models = null, string? lockPath = null) =>
        ComplianceRun.Execute(new ComplianceRunInput(WriteManifest((models ?? Models) + (waivers.Length == 0 ? string.Empty : "waivers:\n" + waivers)))
        {
            Options = new PolicyOptions { Today = Today },
            LockPath = lockPath,
        });

    private static List<Finding> Drift(ComplianceRunResult run) => run.Findings.Where(f => f.Id == DiagnosticIds.EvaluationDrift).ToList();

    /// <summary>What the compliance manifest says each waiver covers, by the waiver's rule and model.</summary>
    private static Dictionary<string, int> Covers(ComplianceRunResult run) =>
        ComplianceJson.Parse(ComplianceJson.ToJson(run.Document!)).Waivers.ToDictionary(w => w.Rule + " " + (w.Model ?? "*"), w => w.Covers);

    [Fact]
    public void LiveEvaluationDriftWaiver_ByAlias_CoversIt_NotReportedUnused()
    {
        var run = Run("  - { rule: LG1202, model: model-a, reason: re-evaluation booked, approver: c.officer, expires: 2027-01-31 }\n");
        var waived = Assert.Single(Drift(run), f => f.IsWaived);
        Assert.Equal("org/Model-A", waived.ModelId);
        Assert.Equal(Severity.Info, waived.EffectiveSeverity);
        Assert.False(Assert.Single(Drift(run), f => f.ModelId == "org/Model-B").IsWaived);
        Assert.DoesNotContain(run.Findings, f => f.Id == DiagnosticIds.WaiverUnused);
        Assert.Contains(waived, run.Evaluation.Models.Single(m => m.Entry.Id.Value == "org/Model-A").Findings);
        Assert.Equal(1, Covers(run)["LG1202 model-a"]);
    }

    [Fact]
    public void ExpiredEvaluationDriftWaiver_TriggersLG1014Once_CountingTheFindingItNoLongerWaives()
    {
        var run = Run("  - { rule: LG1202, model: org/Model-A, reason: r, approver: c.officer, expires: 2026-11-01 }\n");
        var expired = Assert.Single(run.Findings, f => f.Id == DiagnosticIds.WaiverExpired);
        Assert.Contains("expired on 2026-11-01; 1 finding(s) are no longer waived", expired.Message);
        Assert.Equal(Severity.Error, expired.EffectiveSeverity);
        Assert.Equal("org/Model-A", expired.ModelId);
        Assert.Contains(expired, run.Evaluation.Models.Single(m => m.Entry.Id.Value == "org/Model-A").Findings);
        Assert.All(Drift(run), f => Assert.False(f.IsWaived));
        Assert.DoesNotContain(run.Findings, f => f.Id == DiagnosticIds.WaiverUnused);
        Assert.Equal(0, Covers(run)["LG1202 org/Model-A"]);
    }

    [Fact]
    public void ExpiredWaiver_RenewedBelowIt_CoversNothingNow_TheRenewalCoversTheFinding()
    {
        // The licence review (LG1005) is missing for both models; the waiver of Model-A's was renewed by a second entry.
        var run = Run("""
              - { rule: LG1005, model: org/Model-A, reason: review booked, approver: c.officer, expires: 2026-11-01 }
              - { rule: LG1005, model: org/Model-A, reason: review rebooked, approver: c.officer, expires: 2027-01-31 }

            """);
        Assert.Contains("expired on 2026-11-01; it covers nothing now", Assert.Single(run.Findings, f => f.Id == DiagnosticIds.WaiverExpired).Message);
        var review = Assert.Single(run.Findings, f => f.Id == DiagnosticIds.LicenceNotReviewed && f.ModelId == "org/Model-A");
        Assert.Equal("review rebooked", review.WaivedBy?.Reason);
        Assert.DoesNotContain(run.Findings, f => f.Id == DiagnosticIds.WaiverUnused);
    }

    [Fact]
    public void ExpiredWaiver_DateInTheMessage_IsTheManifestsWhateverTheMachinesCalendar()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("th-TH");
        try
        {
            var run = Run("  - { rule: LG1202, reason: r, approver: c.officer, expires: 2026-11-01 }\n");
            var expired = Assert.Single(run.Findings, f => f.Id == DiagnosticIds.WaiverExpired);
            Assert.Contains("expired on 2026-11-01; 2 finding(s) are no longer waived", expired.Message);
            Assert.Contains(new KeyValuePair<string, string>("expires", "2026-11-01"), expired.Facts);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void ModelWaiverAndModelLessWaiver_EachFindingCoveredOnce_CountedInTheManifest()
    {
        var run = Run("""
              - { rule: LG1202, model: org/Model-A, reason: booked, approver: c.officer, expires: 2027-01-31 }
              - { rule: LG1202, reason: all re-evaluated in January, approver: c.officer, expires: 2027-01-31 }
              - { rule: LG1202, model: org/Model-B, reason: late, approver: c.officer, expires: 2027-01-31 }

            """);
        Assert.All(Drift(run), f => Assert.True(f.IsWaived));
        var covers = Covers(run);
        Assert.Equal(1, covers["LG1202 org/Model-A"]);
        Assert.Equal(1, covers["LG1202 *"]);
        // The third comes after the model-less one, which already covers Model-B's finding.
        Assert.Equal(0, covers["LG1202 org/Model-B"]);
        var unused = Assert.Single(run.Findings, f => f.Id == DiagnosticIds.WaiverUnused);
        Assert.Contains("waiver of LG1202 for 'org/Model-B' matches no finding", unused.Message);
    }

    [Fact]
    public void ModelDeclaredTwice_ExpiredWaiverForIt_ReportedOnBothEntries_NoCrash()
    {
        var run = Run("  - { rule: LG1202, model: org/Model-B, reason: r, approver: c.officer, expires: 2026-11-01 }\n",
            Models + "  - id: org/Model-B\n    licence: MIT\n");
        Assert.Contains(run.Findings, f => f.Id == DiagnosticIds.DuplicateModel);
        var expired = Assert.Single(run.Findings, f => f.Id == DiagnosticIds.WaiverExpired);
        Assert.All(run.Evaluation.Models.Where(m => m.Entry.Id.Value == "org/Model-B"), m => Assert.Contains(expired, m.Findings));
    }

    [Fact]
    public void WaiverNamingAnUndeclaredModel_Triggers_LG1015AtTheModelName_CoversNothing()
    {
        var run = Run("  - { rule: LG1202, model: org/Model-Z, reason: r, approver: c.officer, expires: 2027-01-31 }\n");
        var unused = Assert.Single(run.Findings, f => f.Id == DiagnosticIds.WaiverUnused);
        Assert.Contains("names model 'org/Model-Z', which models.yaml does not declare", unused.Message);
        Assert.Equal(13, unused.Location.Line);
        Assert.All(Drift(run), f => Assert.False(f.IsWaived));
    }

    [Fact]
    public void DriftFromTheLockWaiver_CannotBeWaived_DriftStillReported()
    {
        var lockPath = Path.Combine(_dir, ApprovalLock.FileName);
        var approved = Run(string.Empty);
        File.WriteAllText(lockPath, ApprovalLock.Create(approved.Document!, "c.officer", Today));

        var run = Run("  - { rule: LG1201, reason: approval next week, approver: c.officer, expires: 2027-01-31 }\n",
            Models + "  - id: org/Model-C\n    licence: MIT\n", lockPath);
        var drift = run.Findings.Where(f => f.Id == DiagnosticIds.DriftFromApproved).ToList();
        Assert.Contains(drift, f => f.Facts.Any(x => x.Value == "model-added"));
        Assert.Contains(drift, f => f.Facts.Any(x => x.Value == "waiver-added"));
        Assert.All(drift, f => Assert.Equal(Severity.Warning, f.EffectiveSeverity));
        var refused = Assert.Single(run.Findings, f => f.Id == DiagnosticIds.WaiverUnused);
        Assert.Contains("LG1201 cannot be waived", refused.Message);
        Assert.Contains("licenceguard approve", refused.Message);
    }

    [Theory]
    [InlineData("LG1014")]
    [InlineData("LG1015")]
    [InlineData("LG1051")]
    [InlineData("LG1052")]
    [InlineData("LG1203")]
    public void WaiverOfAControlRule_Triggers_LG1015_SayingItCannotBeWaived(string rule)
    {
        var run = Run($"  - {{ rule: {rule}, reason: r, approver: c.officer, expires: 2027-01-31 }}\n");
        var refused = Assert.Single(run.Findings, f => f.Id == DiagnosticIds.WaiverUnused);
        Assert.Contains($"{rule} cannot be waived", refused.Message);
        Assert.Equal((13, 13), (refused.Location.Line, refused.Location.Column));
    }

    [Fact]
    public void PackageWaiverAndModelWaiver_InOneFile_EachJudgedOnceByItsOwnPass()
    {
        const string waivers = """
              - { rule: LG1202, model: org/Model-A, reason: booked, approver: c.officer, expires: 2027-01-31 }
              - { rule: LG1102, package: Acme.Lib, reason: licence under review, approver: legal, expires: 2027-01-31 }

            """;
        var run = Run(waivers);
        Assert.True(Assert.Single(Drift(run), f => f.ModelId == "org/Model-A").IsWaived);
        Assert.DoesNotContain(run.Findings, f => f.Id is DiagnosticIds.WaiverUnused or DiagnosticIds.WaiverExpired);

        var audit = Audit(Models + "waivers:\n" + waivers);
        Assert.True(Assert.Single(audit.Findings, f => f.Id == DiagnosticIds.DependencyLicenceUnknown).IsWaived);
        Assert.DoesNotContain(audit.Findings, f => f.Id is DiagnosticIds.WaiverUnused or DiagnosticIds.WaiverExpired);
        var judged = Assert.Single(audit.Waivers);
        Assert.Equal(("LG1102", 1), (judged.Key.Rule.Value, judged.Value));
    }

    [Fact]
    public void DependencyWaiverNamingAnUndeclaredModel_CoversNothing()
    {
        var audit = Audit(Models + "waivers:\n  - { rule: LG1102, model: org/Model-Z, reason: r, approver: legal, expires: 2027-01-31 }\n");
        Assert.False(Assert.Single(audit.Findings, f => f.Id == DiagnosticIds.DependencyLicenceUnknown).IsWaived);
        Assert.Contains("names model 'org/Model-Z', which models.yaml does not declare", Assert.Single(audit.Findings, f => f.Id == DiagnosticIds.WaiverUnused).Message);
    }

    /// <summary>Each help page says what the pass does with a waiver of its rule: refused, or shown how to write.</summary>
    [Theory]
    [MemberData(nameof(Catalogue.DiagnosticHelpPageTests.Ids), MemberType = typeof(Catalogue.DiagnosticHelpPageTests))]
    public void HelpPage_SaysWhetherTheRuleCanBeWaived_AsThePassDoes(string id)
    {
        var page = File.ReadAllText(Path.Combine(Catalogue.RulesFolder.Root, "diagnostics", id + ".md"));
        var at = page.IndexOf("## How to silence it", StringComparison.Ordinal);
        if (at < 0)
        {
            // The analyzer's rules ("How to suppress": .editorconfig): their findings are the compiler's, never the run's.
            Assert.StartsWith("LG0", id);
            return;
        }
        var silence = page[at..];
        if (!WaiverPass.CanBeWaived(id)) Assert.Matches("cannot be (waived|silenced)", silence);
        if (silence.Contains($"rule: {id}", StringComparison.Ordinal)) Assert.True(WaiverPass.CanBeWaived(id), $"{id}.md shows a waiver the pass refuses");
    }

    /// <summary>The dependency audit's evaluation of one package whose licence is only a file (LG1102 by default).</summary>
    private DependencyAuditResult Audit(string yaml)
    {
        var path = WriteManifest(yaml);
        var manifest = ManifestReader.ReadFile(path).Manifest!;
        var package = new AuditedPackage("Acme.Lib", "1.0.0", new[] { "Acme.Lib 1.0.0" }) { Licence = new PackageLicence { Source = LicenceSource.File, File = "LICENSE.txt" } };
        return DependencyEvaluator.Evaluate(new[] { package }, DependencyPolicy.Default(path), manifest, new SimpleRanges(), Today);
    }
}
