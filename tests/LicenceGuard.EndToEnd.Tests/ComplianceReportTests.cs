using System.Text.Json.Nodes;

namespace LicenceGuard.EndToEnd.Tests;

/// <summary>The compliance officer's view through a real `dotnet build`: reports, code locations, and drift from the approved lock.</summary>
[Collection(PackageCollection.Name)]
public class ComplianceReportTests
{
    private readonly PackageFixture _fixture;

    public ComplianceReportTests(PackageFixture fixture) => _fixture = fixture;

    private string Manifest(string extraModels = "") => $$"""
        organisation:
          name: Example Health Ltd
          commercial: true
          annualRevenue: { amount: 25000000, currency: USD }
          monthlyActiveUsers: 3500000
          domicile: GB
          territories: [IN, GB]
          perimeter:
            mustStayInside: [health, personal]
            inside: [self-hosted]
        models:
          - id: meta-llama/Llama-3.1-8B-Instruct
            licence: LicenseRef-Llama-3.1-Community
            review: { by: a.sharma, on: 2026-11-02, textSha256: "{{CatalogueHashes.Of(_fixture, "LicenseRef-Llama-3.1-Community")}}" }
            hosting: { mode: self-hosted, region: in-south }
            receives: [personal]
            attribution: { shown: "About page", notice: MODEL-NOTICES.txt }
        {{extraModels}}
        """;

    [Fact]
    public void ReportEnabled_Build_WritesHtmlReportWithCodeLocations_ToObjAndOutput()
    {
        var consumer = _fixture.CreateConsumer("report");
        consumer.WriteProject(string.Empty, "<LicenceGuardReport>true</LicenceGuardReport>");
        consumer.WriteFile("models.yaml", Manifest());
        consumer.WriteFile("Program.cs", "var model = \"meta-llama/Llama-3.1-8B-Instruct\";\nSystem.Console.WriteLine(model);\n");
        // The hardware check's contract: obj/…/licenceguard/attestations/<safe model id>.json.
        consumer.WriteFile(Path.Combine("obj", "Debug", "net10.0", "licenceguard", "attestations", "meta-llama_Llama-3.1-8B-Instruct.json"),
            """{ "schema": "licenceguard-hardware-attestation/1", "result": "passed", "gpu": { "name": "NVIDIA H200" } }""");
        var (exit, output) = consumer.Build();
        Assert.True(exit == 0, output);

        var html = File.ReadAllText(consumer.ObjFile("licenceguard/compliance-report.html"));
        Assert.Contains("<section id=\"overview\">", html);
        Assert.Contains("meta-llama/Llama-3.1-8B-Instruct", html);
        Assert.Contains("Built with Llama", html);
        Assert.Contains("<code>Program.cs:1</code>", html);
        var bin = Path.Combine(consumer.Directory, "bin", "Debug", "net10.0");
        foreach (var file in new[] { "compliance-report.html", "compliance-summary.md", "compliance-bom.cdx.json", "MODEL-NOTICES.txt" })
            Assert.True(File.Exists(Path.Combine(bin, file)), file + " in the output directory");
        Assert.Contains("Llama 3.1 is licensed under the Llama 3.1 Community License", File.ReadAllText(Path.Combine(bin, "MODEL-NOTICES.txt")));
        Assert.Contains("NVIDIA H200", html);
        Assert.Contains("\"result\": \"passed\"", File.ReadAllText(consumer.ObjFile("licenceguard/compliance-manifest.json")));

        var (again, againOutput) = consumer.Build();
        Assert.True(again == 0, againOutput);
        Assert.Contains("Skipping target \"LicenceGuardCheck\" because all output files are up-to-date", againOutput);
    }

    [Fact]
    public void NewModelSinceApproval_Triggers_DriftAtItsLine_SeverityConfigurable()
    {
        var consumer = _fixture.CreateConsumer("drift");
        consumer.WriteFile("models.yaml", Manifest());
        var (exit, output) = consumer.Build();
        Assert.True(exit == 0, output);
        // Approve what the build produced, as `licenceguard approve` does: the manifest plus who and when.
        var approved = JsonNode.Parse(File.ReadAllText(consumer.ObjFile("licenceguard/compliance-manifest.json")))!.AsObject();
        approved["approval"] = new JsonObject { ["by"] = "c.officer", ["on"] = "2026-11-20" };
        consumer.WriteFile("models.lock.json", approved.ToJsonString());

        var (cleanExit, cleanOutput) = consumer.Build();
        Assert.True(cleanExit == 0, cleanOutput);
        Assert.DoesNotContain("LG1201", cleanOutput);

        consumer.WriteFile("models.yaml", Manifest("""
              - id: deepseek-ai/DeepSeek-R1
                licence: MIT
                review: { by: a.sharma, on: 2026-11-02, textSha256: "X" }
                hosting: { mode: self-hosted }
            """.Replace("X", CatalogueHashes.Of(_fixture, "MIT"))));
        var (driftExit, driftOutput) = consumer.Build();
        Assert.True(driftExit == 0, driftOutput);
        Assert.Contains("models.yaml(18,9): warning LG1201", driftOutput);
        Assert.Contains("since c.officer approved it on 2026-11-20", driftOutput);

        var (errorExit, errorOutput) = consumer.Build("-p:LicenceGuardDriftSeverity=error");
        Assert.NotEqual(0, errorExit);
        Assert.Contains("models.yaml(18,9): error LG1201", errorOutput);
    }
}
