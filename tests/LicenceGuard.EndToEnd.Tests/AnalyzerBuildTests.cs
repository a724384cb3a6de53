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
    }
}
