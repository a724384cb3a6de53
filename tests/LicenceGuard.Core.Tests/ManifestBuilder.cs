using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Core.Tests;

internal static class Eval
{
    public static readonly DateTime Today = new(2026, 11, 29);

    public const string Org = """
        organisation:
          name: Example Health Ltd
          commercial: true
          annualRevenue: { amount: 500000, currency: USD }
          monthlyActiveUsers: 3500000
          domicile: GB
          territories: [IN, GB]
          perimeter:
            mustStayInside: [health, personal]
            inside: [self-hosted, "managed:uk-*"]
        """;

    public const string ReviewedModel = """
          - id: test/Model-8B
            licence: LicenseRef-Test-Community
            review: { by: a.sharma, on: 2026-11-02, textSha256: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }
            hosting: { mode: self-hosted, region: in-south }
            attribution: { shown: "About page", notice: "MODEL-NOTICES.txt" }
        """;

    /// <summary>The policy and the waiver pass, as a compliance run applies them, against the test catalogue.</summary>
    public static EvaluationResult Run(string yaml, PolicyOptions? options = null)
    {
        var result = Evaluate(yaml, options);
        WaiverPass.Apply(result);
        return result;
    }

    /// <summary>The policy alone: waivers not applied yet, for checks that add findings before the pass.</summary>
    public static EvaluationResult Evaluate(string yaml, PolicyOptions? options = null)
    {
        var read = ManifestReader.ReadText(yaml, "models.yaml");
        Assert.NotNull(read.Manifest);
        var result = PolicyEvaluator.Evaluate(read.Manifest!, TestCatalogue.Create(), options ?? new PolicyOptions { Today = Today });
        result.Findings.AddRange(read.Findings);
        result.Findings.Sort(FindingOrder.Instance);
        return result;
    }

    public static string Manifest(string org, params string[] models) =>
        org + "\nmodels:\n" + string.Join("\n", models) + "\n";

    public static List<Finding> Unwaived(this EvaluationResult r, string id) =>
        r.Findings.Where(f => f.Id == id && !f.IsWaived).ToList();
}
