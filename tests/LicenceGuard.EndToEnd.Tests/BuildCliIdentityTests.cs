using System.Reflection;

namespace LicenceGuard.EndToEnd.Tests;

/// <summary>
/// The build and `licenceguard check` are two adapters of one compliance run: on a real consumer project (a declared
/// model used in code, a waiver, an approval lock with drift in models.yaml and in the code, a licence threshold near,
/// a weights file, an organisation catalogue file, a hardware attestation, the dependency audit's report), the same
/// inputs give byte-identical compliance manifests and the same findings. The manifest is compared as bytes between the
/// two producers and the findings as the build logged and the CLI printed them, so the test does not depend on the
/// manifest's JSON layout.
/// </summary>
[Collection(PackageCollection.Name)]
public class BuildCliIdentityTests
{
    // The build's knobs, set to other than their defaults: a week after the catalogue's date, which is older than the
    // project allows and silenced by the project's NoWarn, and a wider threshold margin.
    private const string Today = "2026-12-05";
    private const string MaxAgeDays = "3";
    private const string NoWarn = "LG1016";
    private const string Margin = "0.15";
    private const string HelpBase = "https://docs.example.test/licenceguard/";

    private readonly PackageFixture _fixture;

    public BuildCliIdentityTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void SameInputs_BuildAndCli_WriteIdenticalManifests_AndReportIdenticalFindings()
    {
        var (consumer, build) = BuildScenario("build-cli-identity");
        var built = File.ReadAllBytes(Path.Combine(consumer.Directory, "bin", "Debug", "net10.0", "compliance-manifest.json"));
        Assert.Equal(built, File.ReadAllBytes(consumer.ObjFile("licenceguard/compliance-manifest.json")));
        var logged = GateFindings.FromBuild(build);

        // The CLI on the same project with the same inputs: the build's properties as options, the audit's report as the build embeds it.
        var cliManifest = Path.Combine(_fixture.WorkRoot, "build-cli-identity.compliance-manifest.json");
        var inputs = new[]
        {
            "check", "--manifest", Path.Combine(consumer.Directory, "models.yaml"), "--today", Today, "--margin", Margin,
            "--catalogue-max-age-days", MaxAgeDays, "--no-warn", NoWarn, "--dependencies", consumer.ObjFile("licenceguard/dependencies.json"),
            "--catalogue", Path.Combine("legal", "acme.yaml"), "--attestation", consumer.ObjFile("licenceguard/attestations/meta-llama_Llama-3.1-8B-Instruct.json"),
        };
        var check = Cli(consumer, inputs.Concat(new[] { "--output", cliManifest }).ToArray());
        Assert.True(check.ExitCode == 0, check.Output);
        var printed = GateFindings.FromCli(check.Output);
        // The same findings as a SARIF log: check writes it to stdout (the people's lines to stderr).
        var cliSarif = Path.Combine(_fixture.WorkRoot, "build-cli-identity.sarif");
        var sarif = Dotnet.RunProgram("sh", consumer.Directory, new Dictionary<string, string> { ["SARIF_OUT"] = cliSarif },
            new[] { "-c", "dotnet \"$@\" > \"$SARIF_OUT\"", "sh", CliPath }.Concat(inputs).Concat(new[] { "--format", "sarif", "--help-base", HelpBase }).ToArray());
        Assert.True(sarif.ExitCode == 0, sarif.Output);

        Assert.Equal(built, File.ReadAllBytes(cliManifest));
        // The inputs did reach the manifest (searched as text: its layout is not this test's business).
        var text = System.Text.Encoding.UTF8.GetString(built);
        Assert.Contains("NVIDIA H200", text);
        Assert.Contains("legal/acme.yaml", text);
        Assert.Contains("Summaries.cs", text);
        Assert.Contains("weights/model.safetensors", text);
        Assert.Contains("F32", text);
        // Every kind of finding the scenario sets up is there: the threshold, the waiver, the silenced catalogue age, drift
        // in models.yaml and in code.
        Assert.Contains(logged, f => f.Id == "LG1016" && f.Severity == "message");
        Assert.Contains(logged, f => f.Id == "LG1009" && f.Severity == "warning" && f.File.EndsWith("models.yaml", StringComparison.Ordinal));
        Assert.Contains(logged, f => f.Id == "LG1005" && f.Message.Contains("(waived until 2027-06-30 by c.officer", StringComparison.Ordinal));
        Assert.Contains(logged, f => f.Id == "LG1201" && f.File.EndsWith("models.yaml", StringComparison.Ordinal));
        Assert.Contains(logged, f => f.Id == "LG1201" && f.File.EndsWith("Summaries.cs", StringComparison.Ordinal));
        Assert.Equal(logged, printed);
        // The build's SARIF log (LicenceGuardSarifLog) holds every finding too, the drift found after the compiler included.
        Assert.Equal(File.ReadAllBytes(cliSarif), File.ReadAllBytes(Path.Combine(consumer.Directory, "licenceguard.sarif")));
        Assert.Contains("Summaries.cs", File.ReadAllText(cliSarif));
        // The CLI compiles the project as its build does (a design-time build) but leaves the build's outputs as they were.
        Assert.Equal(built, File.ReadAllBytes(consumer.ObjFile("licenceguard/compliance-manifest.json")));
    }

    [Fact]
    public void Build_AnalyzerSnapshot_CarriesEveryModelFindingTheGateReports()
    {
        var (consumer, build) = BuildScenario("snapshot-carries-findings");
        // What the gate logged before the compiler ran (the findings at models.yaml); waived ones are messages, not relayed.
        var reported = GateFindings.FromBuild(build).Where(f => f.Severity is "warning" or "error" && f.File.EndsWith("models.yaml", StringComparison.Ordinal)).ToList();
        Assert.Contains(reported, f => f.Id == "LG1009");
        Assert.Contains(reported, f => f.Id == "LG1201");

        // What the analyzer in the compiler relays at each model's use in code: the snapshot's per-model findings.
        var relayed = File.ReadAllLines(consumer.ObjFile("licenceguard/analyzer-snapshot.tsv"))
            .Select(l => l.Split('\t')).Where(f => f[0] == "model").Select(f => Unescape(f[2])).ToList();
        foreach (var finding in reported)
            Assert.True(relayed.Any(r => r.Contains($"{finding.Id} {finding.Message}", StringComparison.Ordinal)), $"not in the snapshot: {finding}\n{string.Join("\n", relayed)}");
    }

    /// <summary>A snapshot field: backslash, tab, CR and LF are escaped.</summary>
    private static string Unescape(string field) =>
        System.Text.RegularExpressions.Regex.Replace(field, @"\\(.)", m => m.Groups[1].Value switch { "t" => "\t", "r" => "\r", "n" => "\n", var c => c });

    /// <summary>
    /// A real project built twice: approved after the first build, then changed (a new model in models.yaml, a use of a
    /// declared model in a file the approval did not cover). Returns the second build's output.
    /// </summary>
    private (ConsumerProject Consumer, string Output) BuildScenario(string name)
    {
        var consumer = _fixture.CreateConsumer(name);
        consumer.WriteProject("""<PackageReference Include="OpenAI" Version="2.15.0" /><LicenceGuardCatalogue Include="legal/acme.yaml" />""",
            $"<LicenceGuardThresholdMargin>{Margin}</LicenceGuardThresholdMargin><LicenceGuardToday>{Today}</LicenceGuardToday>" +
            $"<LicenceGuardCatalogueMaxAgeDays>{MaxAgeDays}</LicenceGuardCatalogueMaxAgeDays><NoWarn>$(NoWarn);{NoWarn}</NoWarn>" +
            $"<LicenceGuardSarifLog>licenceguard.sarif</LicenceGuardSarifLog><LicenceGuardHelpBase>{HelpBase}</LicenceGuardHelpBase>");
        consumer.WriteFile("Program.cs", Code);
        consumer.WriteFile("models.yaml", Manifest(""));
        Directory.CreateDirectory(Path.Combine(consumer.Directory, "weights"));
        File.WriteAllBytes(Path.Combine(consumer.Directory, "weights", "model.safetensors"), Weights);
        // An organisation catalogue file (LicenceGuardCatalogue) and a hardware attestation where the hardware check writes it.
        consumer.WriteFile(Path.Combine("legal", "acme.yaml"), """
            id: LicenseRef-Acme-Enterprise
            name: Acme Enterprise Model Agreement
            openness: proprietary-service
            sources: { contract: "https://legal.example.test/acme.pdf" }
            commercialUse: { value: allowed, source: contract }
            """);
        consumer.WriteFile(Path.Combine("obj", "Debug", "net10.0", "licenceguard", "attestations", "meta-llama_Llama-3.1-8B-Instruct.json"),
            """{ "schema": "licenceguard-hardware-attestation/1", "result": "passed", "gpu": { "name": "NVIDIA H200" } }""");
        var first = consumer.Build();
        Assert.True(first.ExitCode == 0, first.Output);

        // Approve what the build produced, as a compliance officer does.
        var lockPath = Path.Combine(consumer.Directory, "models.lock.json");
        var approve = Cli(consumer, "approve", "--manifest", consumer.ObjFile("licenceguard/compliance-manifest.json"), "--by", "c.officer", "--on", "2026-11-20", "--lock", lockPath);
        Assert.True(approve.ExitCode == 0, approve.Output);

        // Since the approval: a new model in models.yaml (drift the gate reports) and a use in a file the approval did not cover (drift known after the compiler ran).
        consumer.WriteFile("models.yaml", Manifest("""
              - id: gpt-4o
                kind: api
                licence: LicenseRef-OpenAI-Services
                hosting: { mode: api, region: us }
            """));
        consumer.WriteFile("Summaries.cs", """
            using OpenAI.Chat;

            public static class Summaries
            {
                public static ChatClient Client(string key) => new ChatClient("gpt-4o-mini", key);
            }
            """);
        var build = consumer.Build();
        Assert.True(build.ExitCode == 0, build.Output);
        return (consumer, build.Output);
    }

    /// <summary>A valid safetensors file (header length, JSON header, two F32 values), so the weights are inspected and verified.</summary>
    private static readonly byte[] Weights = SafetensorsFile();

    private static byte[] SafetensorsFile()
    {
        var header = System.Text.Encoding.UTF8.GetBytes("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}");
        return BitConverter.GetBytes((ulong)header.Length).Concat(header).Concat(BitConverter.GetBytes(1f)).Concat(BitConverter.GetBytes(1f)).ToArray();
    }

    /// <summary>models.yaml: gpt-4o-mini (used in code, its review waived), Llama 3.1 at 93% of its 700M-user threshold and
    /// a self-hosted model with its weights file.</summary>
    private string Manifest(string extraModels) => $$"""
        organisation:
          name: Example Health Ltd
          commercial: true
          annualRevenue: { amount: 25000000, currency: USD }
          monthlyActiveUsers: 650000000
          domicile: GB
          territories: [GB]
        models:
          - id: gpt-4o-mini
            kind: api
            licence: LicenseRef-OpenAI-Services
            hosting: { mode: api, region: us }
          - id: meta-llama/Llama-3.1-8B-Instruct
            licence: LicenseRef-Llama-3.1-Community
            review: { by: a.sharma, on: 2026-11-02, textSha256: "{{CatalogueHashes.Of(_fixture, "LicenseRef-Llama-3.1-Community")}}" }
            hosting: { mode: self-hosted, region: gb }
            attribution: { shown: "About page", notice: MODEL-NOTICES.txt }
          - id: Qwen/Qwen3-8B
            licence: Apache-2.0
            review: { by: a.sharma, on: 2026-11-02, textSha256: "{{CatalogueHashes.Of(_fixture, "Apache-2.0")}}" }
            hosting: { mode: self-hosted }
            attribution: { notice: NOTICE }
            weights:
              - { path: weights/model.safetensors, sha256: "{{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Weights))}}", format: safetensors }
        {{extraModels}}
        waivers:
          - { rule: LG1005, reason: read under the master agreement, approver: c.officer, expires: 2027-06-30 }
        """;

    private const string Code = """
        using OpenAI.Chat;

        System.Console.WriteLine(Assistant.Chat("key"));

        public static class Assistant
        {
            public static ChatClient Chat(string key) => new ChatClient("gpt-4o-mini", key);
        }
        """;

    private static string CliPath => typeof(BuildCliIdentityTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "Cli").Value!;

    private static (int ExitCode, string Output) Cli(ConsumerProject consumer, params string[] args) =>
        Dotnet.Run(consumer.Directory, new[] { CliPath }.Concat(args).ToArray());
}
