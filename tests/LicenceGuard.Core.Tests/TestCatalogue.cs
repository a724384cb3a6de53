using LicenceGuard.Core.Catalogue;

namespace LicenceGuard.Core.Tests;

/// <summary>
/// A small catalogue written for the policy tests, so that they test the rules and not the facts (the facts have
/// their own validation tests against the real catalogue).
/// </summary>
internal static class TestCatalogue
{
    public const string ThresholdLicence = """
        id: LicenseRef-Test-Community
        name: Test Community Licence
        revision: 2026-06-01
        openness: open-weights-restricted
        aliases: [test-community]
        sources:
          licence: { url: "https://example.test/LICENSE" }
        text: { sha256: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", source: licence }
        commercialUse: { value: restricted, source: licence }
        thresholds:
          - { metric: monthly-active-users, value: 700000000, effect: separate-licence-required, source: licence, quote: "greater than 700 million monthly active users" }
          - { metric: annual-revenue, value: 1000000, currency: USD, effect: termination, source: licence }
        attribution: { required: true, phrase: "Built with Test", where: "on the about page", source: licence }
        notice: { required: true, text: "Test is licensed under the Test Community Licence.", file: NOTICE, source: licence }
        territoryExclusions:
          - { code: CN, scope: use, source: licence }
        modelSpecific:
          - appliesTo: ["test/Vision-*"]
            domicileExclusions: [{ code: EU, source: licence, quote: "not granted to EU-domiciled licensees" }]
        """;

    public const string ConditionalAttributionLicence = """
        id: LicenseRef-Test-Modified-MIT
        name: Test Modified MIT
        openness: open-weights-restricted
        sources: { licence: "https://example.test/MIT" }
        text: { sha256: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", source: licence }
        commercialUse: { value: allowed, source: licence }
        thresholds:
          - { metric: monthly-active-users, value: 100000000, effect: attribution-required, source: licence }
          - { metric: monthly-revenue, value: 20000000, currency: USD, effect: attribution-required, source: licence }
        attribution: { required: true, phrase: "Test K2", where: "prominently on the user interface", source: licence }
        """;

    public const string NonCommercialLicence = """
        id: LicenseRef-Test-NC
        name: Test Non-Commercial
        openness: research-non-commercial
        sources: { licence: "https://example.test/NC" }
        text: { sha256: "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc", source: licence }
        commercialUse: { value: forbidden, source: licence }
        """;

    public const string Families = """
        maker: Test
        families:
          - id: test-community
            licence: LicenseRef-Test-Community
            patterns: ["test/Model-*", "test/Vision-*", "testmodel:*"]
            examples: ["test/Model-8B"]
            models:
              - { id: test/Model-8B, aliases: ["testmodel:8b"], parameters: { total: 8000000000 }, contextTokens: 131072 }
          - id: test-k2
            licence: LicenseRef-Test-Modified-MIT
            patterns: ["test/K2-*"]
          - id: test-nc
            licence: LicenseRef-Test-NC
            patterns: ["test/NC-*"]
        """;

    public static LicenceCatalogue Create()
    {
        var c = CatalogueLoader.Empty();
        CatalogueLoader.AddText(c, ThresholdLicence, "test/licence.yaml", false);
        CatalogueLoader.AddText(c, ConditionalAttributionLicence, "test/mit.yaml", false);
        CatalogueLoader.AddText(c, NonCommercialLicence, "test/nc.yaml", false);
        CatalogueLoader.AddText(c, Families, "test/families.yaml", false);
        return c;
    }
}
