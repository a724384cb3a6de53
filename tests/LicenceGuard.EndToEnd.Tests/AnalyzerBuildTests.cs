namespace LicenceGuard.EndToEnd.Tests;

/// <summary>The packed analyzer in a real build of a project that uses the real OpenAI package.</summary>
[Collection(PackageCollection.Name)]
public class AnalyzerBuildTests
{
    private readonly PackageFixture _fixture;

    public AnalyzerBuildTests(PackageFixture fixture) => _fixture = fixture;

    private const string Code = """
        using OpenAI.Chat;

        public static class Assistant
        {
            public static ChatClient Create(string key) =>
                new ChatClient("gpt-4o-mini", key);
        }
        """;

    private ConsumerProject Consumer(string name, string models)
    {
        var consumer = _fixture.CreateConsumer(name);
        consumer.WriteProject("""<PackageReference Include="OpenAI" Version="2.15.0" />""");
        consumer.WriteFile("Assistant.cs", Code);
        consumer.WriteFile("models.yaml", models);
        return consumer;
    }

    [Fact]
    public void UndeclaredModel_Triggers_BuildFailsAtTheCSharpLine()
    {
        var consumer = Consumer("analyzer-undeclared", "organisation: { commercial: true }\nmodels: []\n");
        var (exit, output) = consumer.Build();
        Assert.NotEqual(0, exit);
        Assert.Contains("Assistant.cs(6,24): error LG0001", output);
        Assert.Contains("gpt-4o-mini", output);
        Assert.Contains("models.yaml(1,1): warning LG0008", output);
        Assert.DoesNotContain("AD0001", output);
        Assert.DoesNotContain("CS8032", output);
    }

    [Fact]
    public void DeclaredAndReviewedModel_DoesNotTrigger()
    {
        var consumer = Consumer("analyzer-declared", $$"""
            organisation: { commercial: true, domicile: GB, territories: [GB] }
            models:
              - id: gpt-4o-mini
                kind: api
                licence: LicenseRef-OpenAI-Services
                review: { by: a.sharma, on: 2026-11-02, textSha256: "{{CatalogueHashes.Of(_fixture, "LicenseRef-OpenAI-Services")}}" }
                hosting: { mode: api, region: us }
            """);
        var (exit, output) = consumer.Build();
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("LG0001", output);
        Assert.DoesNotContain("AD0001", output);
        // The gate left its evaluation for the analyzer, named after this models.yaml text.
        var snapshot = File.ReadAllText(consumer.ObjFile("licenceguard/analyzer-snapshot.tsv"));
        var manifestText = File.ReadAllText(Path.Combine(consumer.Directory, "models.yaml"));
        var sha = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(manifestText))).ToLowerInvariant();
        Assert.Contains("manifest-sha256\t" + sha, snapshot);
    }

    [Fact]
    public void FindingOnlyTheBuildSees_RelayedAtTheCSharpLine()
    {
        // Hardware targets are checked by the build gate alone (with the weights; the analyzer reads no files): the
        // relayed LG0002 can only come from the gate's snapshot, which shows that the compiler's analyzer used it.
        var consumer = Consumer("analyzer-snapshot", $$"""
            organisation: { commercial: true, domicile: GB, territories: [GB] }
            models:
              - id: gpt-4o-mini
                kind: api
                licence: LicenseRef-OpenAI-Services
                review: { by: a.sharma, on: 2026-11-02, textSha256: "{{CatalogueHashes.Of(_fixture, "LicenseRef-OpenAI-Services")}}" }
                hosting: { mode: api, region: us }
                target: { gpu: Imaginary-X1, count: 1 }
            """);
        var (exit, output) = consumer.Build();
        Assert.True(exit == 0, output);
        Assert.Contains("warning LG2005", output);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(output, @"Assistant\.cs\(6,24\): warning LG0002: .*LG2005"), output);
        Assert.DoesNotContain("AD0001", output);
    }
}
