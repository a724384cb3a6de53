using System;
using System.Globalization;
using System.Linq;
using System.Text;
using LicenceGuard.Core.Catalogue;

namespace LicenceGuard.Bench.Manifest;

/// <summary>
/// A large models.yaml shaped like a team's: an organisation block with its figures and a data perimeter, then models
/// of four lines each, in a repeating mix of <see cref="Cycle"/> models: catalogue API models, self-hosted and managed
/// open-weight models (reviewed against the catalogue's text hashes, so reviews pass), models the catalogue does not
/// know, and a few mistakes a real manifest has (a duty left open, a model without a licence, health data sent to an API).
/// IDs are unique (a suffix per model) and still match the catalogue's family patterns.
/// </summary>
public static class ManifestGenerator
{
    public const int Cycle = 20;

    /// <summary>The date the bench evaluates at, so that reviews, waivers and the catalogue's age read the same every run.</summary>
    public static readonly DateTime Today = new(2026, 12, 1);

    private const string Organisation =
        "organisation:\n" +
        "  name: Bench Health Ltd\n" +
        "  commercial: true\n" +
        "  annualRevenue: { amount: 25000000, currency: GBP }\n" +
        "  exchangeRates: { \"GBP/USD\": 1.27 }\n" +
        "  monthlyActiveUsers: 3500000\n" +
        "  domicile: GB\n" +
        "  territories: [IN, GB]\n" +
        "  perimeter:\n" +
        "    mustStayInside: [health, personal]\n" +
        "    inside: [self-hosted, \"managed:uk-south\"]\n" +
        "models:\n";

    /// <summary>One model's shape: its ID stem, licence (null: none declared) and the fourth line.</summary>
    private sealed record Shape(string Id, string? Licence, string Last, int PerCycle);

    /// <summary>
    /// Per <see cref="Cycle"/> models: 14 clean, 2 with the notice duty open (LG1021, self-hosted Apache-2.0 without
    /// attribution), 2 unknown to the catalogue (LG1023), 1 without a licence (LG1003), 1 API model receiving health
    /// data (LG1013). <see cref="ExpectedFindingsPerCycle"/> says the same for the smoke test.
    /// </summary>
    private static readonly Shape[] Shapes =
    {
        new("gpt-5-mini", "LicenseRef-OpenAI-Services", "hosting: { mode: api, region: us }", 3),
        new("claude-sonnet-4-5", "LicenseRef-Anthropic-Commercial-Terms", "hosting: { mode: api, region: us }", 3),
        new("Qwen/Qwen3-8B", "Apache-2.0", "attribution: { notice: MODEL-NOTICES.txt }", 4),
        new("Qwen/Qwen3-32B", "Apache-2.0", "hosting: { mode: self-hosted, region: in-south }", 2),
        new("moonshotai/Kimi-K2-Instruct", "LicenseRef-Kimi-K2-Modified-MIT", "hosting: { mode: managed, region: uk-south }", 2),
        new("meta-llama/Llama-3.1-8B-Instruct", "LicenseRef-Llama-3.1-Community", "attribution: { shown: About page, notice: MODEL-NOTICES.txt }", 2),
        new("acme/triage-ranker", "MIT", "hosting: { mode: managed, region: uk-south }", 2),
        new("acme/notes-summariser", null, "receives: [personal]", 1),
        new("gpt-5-nano", "LicenseRef-OpenAI-Services", "receives: [health]", 1),
    };

    public static readonly (string Rule, int Count)[] ExpectedFindingsPerCycle =
    {
        ("LG1021", 2), ("LG1023", 2), ("LG1003", 1), ("LG1013", 1),
    };

    /// <summary>The models.yaml text with <paramref name="models"/> models.</summary>
    public static string Generate(int models, LicenceCatalogue catalogue)
    {
        var order = Shapes.SelectMany(s => Enumerable.Repeat(s, s.PerCycle)).ToArray();
        if (order.Length != Cycle) throw new InvalidOperationException($"the mix has {order.Length} models per cycle, not {Cycle}");
        var sb = new StringBuilder(Organisation, Organisation.Length + models * 160);
        for (var i = 0; i < models; i++)
        {
            var shape = order[i % Cycle];
            sb.Append("  - id: ").Append(shape.Id).Append("-b").Append(i.ToString(CultureInfo.InvariantCulture)).Append('\n');
            // A model without a licence still takes four lines: what it is and where it runs.
            sb.Append("    ").Append(shape.Licence is null ? "kind: open-weight" : "licence: " + shape.Licence).Append('\n');
            sb.Append("    ").Append(shape.Licence is null ? "hosting: { mode: self-hosted, region: in-south }" : Review(catalogue, shape.Licence)).Append('\n');
            sb.Append("    ").Append(shape.Last).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>A review of the text the catalogue pins, as <c>licenceguard review</c> records it.</summary>
    private static string Review(LicenceCatalogue catalogue, string licenceId)
    {
        var sha = catalogue.FindLicence(licenceId)?.TextSha256?.Value
            ?? throw new InvalidOperationException($"the catalogue pins no text for {licenceId}: the generated review could not pass");
        return $"review: {{ by: a.sharma, date: 2026-11-02, textSha256: \"{sha}\" }}";
    }
}
