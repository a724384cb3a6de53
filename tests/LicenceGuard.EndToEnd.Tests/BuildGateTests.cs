namespace LicenceGuard.EndToEnd.Tests;

/// <summary>The build gate through a real `dotnet build` of a project that references the packed LicenceGuard package.</summary>
[Collection(PackageCollection.Name)]
public class BuildGateTests
{
    private readonly PackageFixture _fixture;

    public BuildGateTests(PackageFixture fixture) => _fixture = fixture;

    private const string Organisation = """
        organisation:
          name: Example Health Ltd
          commercial: true
          annualRevenue: { amount: 25000000, currency: USD }
          monthlyActiveUsers: 3500000
          domicile: GB
          territories: [IN, GB]
          perimeter:
            mustStayInside: [health, personal]
            inside: [self-hosted, "managed:uk-south"]
        """;

    private string CompliantModels() => $$"""
        models:
          - id: deepseek-ai/DeepSeek-R1
            kind: open-weight
            licence: MIT
            review: { by: a.sharma, on: 2026-11-02, textSha256: "{{CatalogueHashes.Of(_fixture, "MIT")}}" }
            hosting: { mode: self-hosted, region: in-south }
            receives: [personal]
            attribution: { notice: THIRD-PARTY-NOTICES.txt }
        """;

    [Fact]
    public void UnlicensedModel_Triggers_BuildFailsAtTheManifestLine()
    {
        var consumer = _fixture.CreateConsumer("unlicensed");
        consumer.WriteFile("models.yaml", Organisation + "\nmodels:\n  - id: moonshotai/Kimi-K2-Instruct\n    hosting: { mode: self-hosted }\n");
        var (exit, output) = consumer.Build();
        Assert.NotEqual(0, exit);
        Assert.Contains("models.yaml(12,9): error LG1003", output);
        Assert.Contains("LicenseRef-Kimi-K2-Modified-MIT", output);
        Assert.DoesNotContain("MSB4018", output);
    }

    [Fact]
    public void CompliantManifest_DoesNotTrigger_WritesComplianceManifest_AndSkipsWorkWhenUnchanged()
    {
        var consumer = _fixture.CreateConsumer("compliant");
        consumer.WriteFile("models.yaml", Organisation + "\n" + CompliantModels());
        var (exit, output) = consumer.Build();
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("error LG", output);
        var manifest = consumer.ObjFile("licenceguard/compliance-manifest.json");
        Assert.True(File.Exists(manifest), "compliance manifest in obj/");
        var json = File.ReadAllText(manifest);
        Assert.Contains("\"id\": \"deepseek-ai/DeepSeek-R1\"", json);
        Assert.Contains("\"verdict\": \"pass\"", json);
        Assert.DoesNotContain("generatedAt", json);
        Assert.True(File.Exists(Path.Combine(consumer.Directory, "bin", "Debug", "net10.0", "compliance-manifest.json")), "compliance manifest in the output directory");
        var writtenAt = File.GetLastWriteTimeUtc(manifest);

        var (exit2, output2) = consumer.Build();
        Assert.True(exit2 == 0, output2);
        Assert.Contains("Skipping target \"LicenceGuardCheck\" because all output files are up-to-date", output2);
        // A no-op build stays one: no compile, so no new code references to add either.
        Assert.Contains("Skipping target \"CoreCompile\" because all output files are up-to-date", output2);
        Assert.Contains("Skipping target \"_LicenceGuardCodeReferences\" because all output files are up-to-date", output2);
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(manifest));
    }

    [Fact]
    public void LlamaLicence_MonthlyActiveUsersOverThreshold_Triggers_NamingBothNumbers()
    {
        var consumer = _fixture.CreateConsumer("llama-mau");
        consumer.WriteFile("models.yaml", Organisation.Replace("monthlyActiveUsers: 3500000", "monthlyActiveUsers: 812000000") + $$"""

            models:
              - id: meta-llama/Llama-3.1-8B-Instruct
                licence: LicenseRef-Llama-3.1-Community
                review: { by: a.sharma, on: 2026-11-02, textSha256: "{{CatalogueHashes.Of(_fixture, "LicenseRef-Llama-3.1-Community")}}" }
                hosting: { mode: self-hosted, region: in-south }
                attribution: { shown: "About page", notice: NOTICE }
            """);
        var (exit, output) = consumer.Build();
        Assert.NotEqual(0, exit);
        var line = Assert.Single(Diagnostics(output, "error LG1008"));
        Assert.Contains("models.yaml(13,", line);
        Assert.Contains("700M", line);
        Assert.Contains("812M", line);
    }

    [Theory]
    [InlineData("organisation: [unclosed\n", 1)]
    [InlineData("organisation:\n  name: x\n   bad: indentation\n", 3)]
    [InlineData("\u0000\u0001\u0002binary", 1)]
    public void MalformedYaml_Triggers_OneLocatedError_NoCrash(string yaml, int line)
    {
        var consumer = _fixture.CreateConsumer("malformed-" + line + "-" + yaml.Length);
        consumer.WriteFile("models.yaml", yaml);
        var (exit, output) = consumer.Build();
        Assert.NotEqual(0, exit);
        var errors = Diagnostics(output, "error LG");
        Assert.Single(errors);
        Assert.Contains($"models.yaml({line},", errors[0]);
        Assert.Contains("LG1001", errors[0]);
        Assert.DoesNotContain("MSB4018", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public void EveryFindingKind_Triggers_AtItsManifestLine()
    {
        var consumer = _fixture.CreateConsumer("every-kind");
        var llamaHash = CatalogueHashes.Of(_fixture, "LicenseRef-Llama-3.1-Community");
        consumer.WriteFile("models.yaml", $$"""
            organisation:
              name: Example Ltd
              commercial: true
              annualRevenue: { amount: 25000000, currency: USD }
              monthlyActiveUsers: 690000000
              domicile: DE
              territories: [DE, GB, KR]
              perimeter:
                mustStayInside: [health]
                inside: [self-hosted]
            models:
              - id: moonshotai/Kimi-K2-Instruct
              - id: acme/secret-model
                licence: LicenseRef-Acme-Internal
              - id: meta-llama/Llama-3.1-8B-Instruct
                licence: LicenseRef-Llama-3.1-Community
              - id: meta-llama/Llama-3.1-70B-Instruct
                licence: LicenseRef-Llama-3.1-Community
                review: { by: a.sharma, on: 2026-11-02, textSha256: "{{new string('0', 64)}}" }
                hosting: { mode: api, region: us }
                receives: [health]
              - id: CohereForAI/c4ai-command-r-v01
                licence: CC-BY-NC-4.0
                review: { by: a.sharma, on: 2026-11-02, textSha256: "{{CatalogueHashes.Of(_fixture, "CC-BY-NC-4.0")}}" }
                hosting: { mode: self-hosted }
                attribution: { shown: "About page", notice: NOTICE }
              - id: meta-llama/Llama-3.2-11B-Vision-Instruct
                licence: LicenseRef-Llama-3.2-Community
                review: { by: a.sharma, on: 2026-11-02, textSha256: "{{CatalogueHashes.Of(_fixture, "LicenseRef-Llama-3.2-Community")}}" }
                hosting: { mode: self-hosted }
                attribution: { shown: "About page", notice: NOTICE }
              - id: tencent/Hunyuan-A13B-Instruct
                licence: LicenseRef-Tencent-Hunyuan-Community
                review: { by: a.sharma, on: 2026-11-02, textSha256: "{{CatalogueHashes.Of(_fixture, "LicenseRef-Tencent-Hunyuan-Community")}}" }
                hosting: { mode: self-hosted }
                attribution: { shown: "About page", notice: NOTICE }
            waivers:
              - { rule: LG1005, model: moonshotai/Kimi-K2-Instruct, reason: "old", approver: c.officer, expires: 2026-01-31 }
            """);
        var (exit, output) = consumer.Build();
        Assert.NotEqual(0, exit);
        void Expect(string code, int line) =>
            Assert.True(output.Contains($"models.yaml({line},") && output.Split('\n').Any(l => l.Contains($"models.yaml({line},") && l.Contains(code)),
                $"expected {code} at line {line}\n{output}");
        Expect("error LG1003", 12);   // no licence
        Expect("error LG1004", 14);   // licence unknown to the catalogue
        Expect("error LG1005", 15);   // not reviewed
        Expect("error LG1006", 19);   // text changed since the review
        Expect("error LG1013", 21);   // health data to a US API
        Expect("warning LG1009", 18); // 690M within 10% of 700M, at the licence line
        Expect("error LG1007", 23);   // non-commercial licence in a commercial product
        Expect("error LG1011", 28);   // EU-domiciled licensee and a Llama 3.2 vision model
        Expect("error LG1010", 33);   // Hunyuan excludes the EU, the UK and South Korea
        Expect("error LG1012", 15);   // attribution duty not met
        Expect("error LG1014", 38);   // expired waiver
        Assert.DoesNotContain("MSB4018", output);
    }

    /// <summary>The compliant models without the notice file: MIT's notice duty is then open (LG1021, a warning).</summary>
    private string WithoutNotice()
    {
        var models = CompliantModels();
        Assert.Contains("attribution: { notice: THIRD-PARTY-NOTICES.txt }", models);
        return models.Replace("attribution: { notice: THIRD-PARTY-NOTICES.txt }", "attribution: {}");
    }

    /// <summary>MSBuild repeats each diagnostic in its summary: compare from the file name on.</summary>
    private static List<string> Diagnostics(string output, string marker) =>
        output.Split('\n').Where(l => l.Contains(marker)).Select(l => l.Substring(Math.Max(0, l.IndexOf("models.yaml(", StringComparison.Ordinal))).Trim()).Distinct().ToList();

    [Fact]
    public void NoWarn_SilencesLicenceGuardWarning_DoesNotTrigger()
    {
        var consumer = _fixture.CreateConsumer("nowarn");
        consumer.WriteProject(string.Empty, "<NoWarn>$(NoWarn);LG1021;LG1023</NoWarn>");
        consumer.WriteFile("models.yaml", Organisation + "\n" + WithoutNotice());
        var (exit, output) = consumer.Build();
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("warning LG1021", output);
        Assert.Contains("LG1021", output);   // still reported, as a message
    }

    [Fact]
    public void WarningsAsErrors_PromotesLicenceGuardWarning_Triggers()
    {
        var consumer = _fixture.CreateConsumer("warnaserror");
        consumer.WriteProject(string.Empty, "<WarningsAsErrors>$(WarningsAsErrors);LG1021</WarningsAsErrors>");
        consumer.WriteFile("models.yaml", Organisation + "\n" + WithoutNotice());
        var (exit, output) = consumer.Build();
        Assert.True(exit != 0, output);
        Assert.Contains("error LG1021", output);
    }
}
