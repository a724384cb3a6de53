using System.Text.Json;
using LicenceGuard.Core.Approval;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Output;
using LicenceGuard.Core.Policy;
using LicenceGuard.Core.Reports;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.Tests.Catalogue;

/// <summary>
/// Organisation catalogue files that change facts of the embedded catalogue: every change is a finding of its own,
/// in the compliance manifest, the reports and the approval lock; a relaxation needs an approver; typos are errors.
/// </summary>
public sealed class OverrideGovernanceTests : IDisposable
{
    private static readonly DateTime Today = new(2026, 11, 29);
    private readonly string _dir = Directory.CreateTempSubdirectory("lg-governance-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string NonCommercialToAllowed = """
        id: CC-BY-NC-4.0
        sources:
          deal: { url: "https://legal.example.test/cc-waiver.pdf" }
        commercialUse: { value: allowed, source: deal }
        """;

    private const string LlamaWithoutThresholds = """
        id: LicenseRef-Llama-3.1-Community
        sources:
          deal: { url: "https://legal.example.test/meta.pdf" }
        thresholds: []
        """;

    private static string Block(string? approver) =>
        "override: { by: l.counsel, reason: \"negotiated terms\", source: deal" + (approver is null ? string.Empty : ", approver: " + approver) + " }\n";

    /// <summary>A commercial product with 812M MAU using a CC-BY-NC model and a Llama 3.1 model.</summary>
    private EvaluationResult Check(params (string Name, string Yaml)[] files)
    {
        foreach (var (name, yaml) in files) File.WriteAllText(Path.Combine(_dir, name), yaml);
        var manifest = Path.Combine(_dir, "models.yaml");
        File.WriteAllText(manifest, "organisation: { commercial: true, monthlyActiveUsers: 812000000 }\nmodels:\n" +
            "  - id: example/nc-model\n    licence: CC-BY-NC-4.0\n" +
            "  - id: meta-llama/Llama-3.1-8B-Instruct\n    licence: LicenseRef-Llama-3.1-Community\n" +
            "settings:\n  catalogue: [" + string.Join(", ", files.Select(f => f.Name)) + "]\n");
        return ComplianceCheck.RunFile(manifest, new PolicyOptions { Today = Today });
    }

    [Fact]
    public void SilentRelaxation_WithoutApprover_Triggers_LG1051_AtEachOverriddenKey()
    {
        var result = Check(("nc.yaml", Block(null) + NonCommercialToAllowed), ("llama.yaml", Block(null) + LlamaWithoutThresholds));

        var unapproved = result.Findings.Where(f => f.Id == DiagnosticIds.CatalogueOverrideNotApproved).ToList();
        Assert.Equal(2, unapproved.Count);
        Assert.All(unapproved, f => Assert.Equal(Severity.Error, f.EffectiveSeverity));
        var commercial = Assert.Single(unapproved, f => f.Location.File.EndsWith("nc.yaml", StringComparison.Ordinal));
        Assert.Equal(5, commercial.Location.Line);
        Assert.Contains("commercialUse of licence 'CC-BY-NC-4.0'", commercial.Message);
        Assert.Contains("→ organisation {value: allowed, source: deal}", commercial.Message);
        var thresholds = Assert.Single(unapproved, f => f.Location.File.EndsWith("llama.yaml", StringComparison.Ordinal));
        Assert.Equal(5, thresholds.Location.Line);
        Assert.Contains("thresholds of licence 'LicenseRef-Llama-3.1-Community'", thresholds.Message);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void ApprovedRelaxation_IsAFindingOfItsOwn_InTheManifestAndReports_DoesNotTriggerLG1051()
    {
        var result = Check(("nc.yaml", Block("c.officer") + NonCommercialToAllowed));

        Assert.DoesNotContain(result.Findings, f => f.Id == DiagnosticIds.CatalogueOverrideNotApproved);
        var visible = Assert.Single(result.Findings, f => f.Id == DiagnosticIds.CatalogueOverride);
        Assert.Contains("relaxes a restriction, approved by c.officer", visible.Message);
        Assert.Contains("by l.counsel: negotiated terms (source: deal)", visible.Message);

        // Through the JSON, as the reports read it from a build.
        var doc = ComplianceJson.Parse(ComplianceJson.ToJson(DocumentBuilder.Build(result)));
        var o = Assert.Single(doc.Catalogue.FactOverrides);
        Assert.Equal("commercialUse", o.Key);
        Assert.True(o.Relaxes);
        Assert.Equal("c.officer", o.Approver);
        Assert.Equal("nc.yaml", o.Location.File);
        Assert.Contains(doc.Findings, f => f.Id == DiagnosticIds.CatalogueOverride);

        var html = ReportGenerator.Generate(ReportFormat.Html, doc, null);
        Assert.Contains("<section id=\"overrides\">", html);
        Assert.Contains("approved by c.officer", html);
        var md = ReportGenerator.Generate(ReportFormat.Markdown, doc, null);
        Assert.Contains("**Organisation catalogue overrides**", md);
        Assert.Contains("relaxes, approved by c.officer: commercialUse of CC-BY-NC-4.0", md);
    }

    [Fact]
    public void TighteningOverride_NeedsNoApprover_IsStillVisible()
    {
        var result = Check(("llama.yaml", Block(null) + """
            id: LicenseRef-Llama-3.1-Community
            sources:
              deal: { url: "https://legal.example.test/meta.pdf" }
            thresholds:
              - { metric: monthly-active-users, value: 100000000, effect: separate-licence-required, source: deal }
            """));

        Assert.DoesNotContain(result.Findings, f => f.Id == DiagnosticIds.CatalogueOverrideNotApproved);
        Assert.Contains("keeps or tightens the restrictions", Assert.Single(result.Findings, f => f.Id == DiagnosticIds.CatalogueOverride).Message);
        Assert.Contains(result.Findings, f => f.Id == DiagnosticIds.ThresholdExceeded && f.Message.Contains("100M", StringComparison.Ordinal));
    }

    [Fact]
    public void OverrideWithoutWhoWhySource_Triggers_LG1018_AtTheFileTop()
    {
        var result = Check(("nc.yaml", NonCommercialToAllowed));
        var f = Assert.Single(result.Findings, f => f.Id == DiagnosticIds.CatalogueFileInvalid);
        Assert.Equal(1, f.Location.Line);
        Assert.Contains("override: { by: NAME, reason: WHY, source: DOCUMENT }", f.Message);
        Assert.Contains(result.Findings, x => x.Id == DiagnosticIds.CatalogueOverrideNotApproved);
    }

    [Theory]
    [InlineData("comercialUse: { value: allowed, source: deal }\n", 5, "unknown key 'comercialUse' in a licence file; did you mean 'commercialUse'?")]
    [InlineData("commercialUse: { value: forbiden, source: deal }\n", 5, "'forbiden' is not a value of 'value'; expected one of: allowed, restricted, forbidden")]
    [InlineData("thresholds:\n  - { metric: monthly-active-user, value: 1, source: deal }\n", 6, "'monthly-active-user' is not a value of 'metric'")]
    [InlineData("attribution: { requird: false, source: deal }\n", 5, "unknown key 'requird' in 'attribution'; did you mean 'required'?")]
    public void TypoInOrganisationFile_Triggers_LG1018_AtItsLine(string fact, int line, string message)
    {
        File.WriteAllText(Path.Combine(_dir, "typo.yaml"), Block("c.officer") + "id: CC-BY-NC-4.0\nsources:\n  deal: { url: \"https://legal.example.test/x.pdf\" }\n" + fact);
        var catalogue = CatalogueLoader.Load(new[] { Path.Combine(_dir, "typo.yaml") });
        var f = Assert.Single(catalogue.Findings);
        Assert.Equal(DiagnosticIds.CatalogueFileInvalid, f.Id);
        Assert.Equal(line, f.Location.Line);
        Assert.Contains(message, f.Message);
    }

    [Fact]
    public void EmbeddedLicenceFiles_PassTheSchemaOrganisationFilesAreHeldTo()
    {
        var problems = new List<string>();
        foreach (var file in RulesFolder.LicenceFiles)
            LicenceFileSchema.Check(RulesFolder.Read(file), new NodeReader((loc, msg) => problems.Add($"{Path.GetFileName(file)}({loc.Line}): {msg}")));
        Assert.Empty(problems);
    }

    [Fact]
    public void ChangedOverride_IsDrift_FromTheApprovalLock()
    {
        var approved = DocumentBuilder.Build(Check(("nc.yaml", Block("c.officer") + NonCommercialToAllowed)));
        var lockPath = Path.Combine(_dir, "models.lock.json");
        File.WriteAllText(lockPath, ApprovalLock.Create(approved, "c.officer", Today));
        var manifest = Path.Combine(_dir, "models.yaml");
        Assert.Empty(DriftCheck.Run(manifest, approved, ApprovalLock.Load(lockPath), Severity.Error));

        var changed = Check(("nc.yaml", Block("c.officer") + NonCommercialToAllowed.Replace("value: allowed", "value: restricted", StringComparison.Ordinal)));
        var drift = Assert.Single(DriftCheck.Run(manifest, DocumentBuilder.Build(changed), ApprovalLock.Load(lockPath), Severity.Error));
        Assert.Equal(DiagnosticIds.DriftFromApproved, drift.Id);
        Assert.Equal(Severity.Error, drift.Severity);
        Assert.EndsWith("nc.yaml", drift.Location.File);
        Assert.Equal(5, drift.Location.Line);
        Assert.Contains("to {value: restricted, source: deal} (was {value: allowed, source: deal}", drift.Message);

        var removed = Check();
        Assert.Contains(DriftCheck.Run(manifest, DocumentBuilder.Build(removed), ApprovalLock.Load(lockPath), Severity.Error),
            f => f.Message.Contains("no longer overrides commercialUse of licence 'CC-BY-NC-4.0'", StringComparison.Ordinal));
    }

    private const string LlamaAsMit = """
        maker: Acme
        families:
          - id: acme-llama
            licence: MIT
            models:
              - id: meta-llama/Llama-3.1-8B-Instruct
        """;

    [Fact]
    public void OrganisationFamily_ThatGivesAnEmbeddedModelAnotherLicence_IsAnOverride_NeedingWhoWhyAndAnApprover()
    {
        var result = Check(("families.yaml", LlamaAsMit));
        Assert.Contains(result.Findings, f => f.Id == DiagnosticIds.CatalogueFileInvalid && f.Message.Contains("overrides the licence of models the embedded catalogue knows", StringComparison.Ordinal));
        var relax = Assert.Single(result.Findings, f => f.Id == DiagnosticIds.CatalogueOverrideNotApproved);
        Assert.Equal(3, relax.Location.Line);
        Assert.Contains("meta-llama/Llama-3.1-8B-Instruct: LicenseRef-Llama-3.1-Community → organisation family acme-llama: MIT", relax.Message);

        var approved = Check(("families.yaml", "override: { by: l.counsel, reason: \"relicensed to us\", source: \"https://legal.example.test/meta.pdf\", approver: c.officer }\n" + LlamaAsMit));
        Assert.DoesNotContain(approved.Findings, f => f.Id is DiagnosticIds.CatalogueOverrideNotApproved or DiagnosticIds.CatalogueFileInvalid);
        Assert.Contains("approved by c.officer", Assert.Single(approved.Findings, f => f.Id == DiagnosticIds.CatalogueOverride).Message);
    }

    [Fact]
    public void OrganisationFamily_ForModelsTheCatalogueDoesNotKnow_IsNoOverride()
    {
        var result = Check(("families.yaml", "maker: Acme\nfamilies:\n  - id: acme-internal\n    licence: MIT\n    patterns: [\"acme/internal-*\"]\n"));
        Assert.DoesNotContain(result.Findings, f => f.Id is DiagnosticIds.CatalogueOverride or DiagnosticIds.CatalogueOverrideNotApproved or DiagnosticIds.CatalogueFileInvalid);
    }
}
