using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Output;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Core.Tests.Catalogue;

public sealed class OrganisationOverrideTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lg-override-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void OrganisationFile_OverridesThreshold_AndAddsLicence_RecordingWhere()
    {
        File.WriteAllText(Path.Combine(_dir, "meta-agreement.yaml"), """
            id: LicenseRef-Llama-3.1-Community
            override: { by: l.counsel, reason: "signed enterprise agreement raises the MAU threshold", source: agreement, approver: c.officer }
            sources:
              agreement: { url: "https://legal.example.test/meta-2026-03.pdf" }
            thresholds:
              - { metric: monthly-active-users, value: 2000000000, effect: separate-licence-required, source: agreement }
            """);
        File.WriteAllText(Path.Combine(_dir, "acme.yaml"), """
            id: LicenseRef-Acme-Enterprise
            name: Acme Enterprise Model Agreement
            openness: proprietary-service
            sources: { contract: "https://legal.example.test/acme.pdf" }
            commercialUse: { value: allowed, source: contract }
            """);
        var catalogue = CatalogueLoader.Load(new[] { _dir });
        Assert.Empty(catalogue.Findings);
        var llama = catalogue.FindLicence("LicenseRef-Llama-3.1-Community")!;
        Assert.Equal(2_000_000_000m, Assert.Single(llama.Thresholds).Value);
        Assert.NotNull(llama.Attribution);
        var change = Assert.Single(llama.Overrides);
        Assert.EndsWith("meta-agreement.yaml", change.File);
        Assert.Contains("thresholds", change.Keys);
        Assert.True(Assert.Single(catalogue.FindLicence("LicenseRef-Acme-Enterprise")!.Overrides).Added);
        Assert.Equal(700_000_000m, Assert.Single(CatalogueLoader.LoadEmbedded().FindLicence("LicenseRef-Llama-3.1-Community")!.Thresholds).Value);

        var manifest = Path.Combine(_dir, "models.yaml");
        File.WriteAllText(manifest, "organisation: { commercial: true, monthlyActiveUsers: 812000000 }\nmodels:\n  - id: meta-llama/Llama-3.1-8B-Instruct\n    licence: LicenseRef-Llama-3.1-Community\nsettings:\n  catalogue: [meta-agreement.yaml, acme.yaml]\n");
        var result = ComplianceCheck.RunFile(manifest, new PolicyOptions { Today = new DateTime(2026, 11, 29) });
        Assert.DoesNotContain(result.Findings, f => f.Id == DiagnosticIds.ThresholdExceeded);
        var document = DocumentBuilder.Build(result);
        Assert.Contains(document.Catalogue.Overrides, o => o.File == "meta-agreement.yaml");
    }

    [Fact]
    public void BrokenOrganisationFile_Triggers_AtItsLine()
    {
        File.WriteAllText(Path.Combine(_dir, "bad.yaml"), "id: LicenseRef-X\nthresholds:\n  - { metric: monthly-active-users, value: lots }\n");
        var catalogue = CatalogueLoader.Load(new[] { Path.Combine(_dir, "bad.yaml") });
        var f = Assert.Single(catalogue.Findings);
        Assert.Equal(DiagnosticIds.CatalogueFileInvalid, f.Id);
        Assert.Equal(3, f.Location.Line);
        Assert.EndsWith("bad.yaml", f.Location.File);
    }
}
