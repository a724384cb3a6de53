namespace LicenceGuard.EndToEnd.Tests;

/// <summary>
/// Issue 13's shapes in one real consumer build (one restore and compile keep CI time low): values followed into the
/// real OpenAI and OllamaSharp model parameters fail the build at the line that writes the model, configuration values
/// at the JSON line, and models known only at run time warn (LG0007).
/// </summary>
[Collection(PackageCollection.Name)]
public class ValueFlowBuildTests
{
    private readonly PackageFixture _fixture;

    public ValueFlowBuildTests(PackageFixture fixture) => _fixture = fixture;

    private const string Shapes = """
        using System;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Options;
        using OllamaSharp;
        using OpenAI;
        using OpenAI.Chat;

        public static class Models
        {
            public const string OllamaModel = "llama3.2";
            public static OllamaApiClient Ollama(string model = OllamaModel) => new(new Uri("http://localhost:11434"), model);
        }

        public sealed class ChatSection { public string ChatModelId { get; set; } = ""; }

        public static class Shapes
        {
            public static ChatClient Local(OpenAIClient client) { var model = "ai/deepseek-r1-distill-llama"; return client.GetChatClient(model); }
            public static ChatClient Fallback(IConfiguration config, OpenAIClient client) { var deployment = config["AzureOpenAI:Deployment"] ?? "gpt-5-mini"; return client.GetChatClient(deployment); }
            public static ChatClient Wrapper(string model) => new ChatClient(model, "key");
            public static ChatClient CallSite() => Wrapper("o3-mini");
            public static ChatClient FromList(OpenAIClient client) { string[] ids = { "gpt-4o", "gpt-4.1-mini" }; return client.GetChatClient(ids[1]); }
            public static ChatClient FromSettings(IConfiguration config, OpenAIClient client) => client.GetChatClient(config["AI:Chat"]!);
            public static void Bind(IServiceCollection services, IConfiguration config) => services.Configure<ChatSection>(config.GetSection("OpenAI"));
            public static ChatClient FromOptions(IOptions<ChatSection> options) => new ChatClient(options.Value.ChatModelId, "key");
            public static ChatClient FromEnvironment() => new ChatClient(Environment.GetEnvironmentVariable("CHAT_MODEL"), "key");
            public static OllamaApiClient DefaultModel() => Models.Ollama();
            public static ChatClient Branches(bool cheap, int tier) => new ChatClient(cheap ? "gpt-4o-mini" : tier switch { 0 => "o1", _ => "gpt-4o" }, "key");
            public static readonly string Reasoning = "o3";
            public static ChatClient FromField() => new ChatClient(Reasoning, "key");
            public static ChatClient FromValue(IConfiguration config) => new ChatClient(config.GetValue<string>("AI:Value")!, "key");
            public static ChatClient FromSectionValue(IConfiguration config) => new ChatClient(config.GetSection("AI:Section").Value!, "key");
        }
        """;

    private static void Has(string output, string expected) => Assert.True(output.Contains(expected, StringComparison.Ordinal), $"'{expected}' not in:\n{output}");

    private const string Settings = """
        {
          "AI": { "Chat": "o1-mini", "Value": "gpt-4.1", "Section": "gpt-4.1-nano" },
          "OpenAI": { "ChatModelId": "" }
        }
        """;

    [Fact]
    public void ShapesOfIssue13_FailOrWarnAtTheLineThatNamesTheModel()
    {
        var consumer = _fixture.CreateConsumer("value-flow");
        consumer.WriteProject("""
            <PackageReference Include="OpenAI" Version="2.15.0" />
            <PackageReference Include="OllamaSharp" Version="5.5.2" />
            <PackageReference Include="Microsoft.Extensions.Options.ConfigurationExtensions" Version="10.0.10" />
            """);
        consumer.WriteFile("Shapes.cs", Shapes);
        consumer.WriteFile("appsettings.json", Settings);
        consumer.WriteFile("models.yaml", $$"""
            organisation: { commercial: true, domicile: GB, territories: [GB] }
            models:
              - id: gpt-4o
                kind: api
                licence: LicenseRef-OpenAI-Services
                review: { by: a.sharma, on: 2026-11-02, textSha256: "{{CatalogueHashes.Of(_fixture, "LicenseRef-OpenAI-Services")}}" }
                hosting: { mode: api, region: us }
            """);
        var (exit, output) = consumer.Build();
        Assert.NotEqual(0, exit);
        // Constants, at the literal: a parameter default's const, a local, the ?? fallback, a call site, a list element.
        Has(output, "Shapes.cs(11,39): error LG0001: Model 'llama3.2'");
        Has(output, "Shapes.cs(19,71): error LG0001: Model 'ai/deepseek-r1-distill-llama'");
        Has(output, "Shapes.cs(20,138): error LG0001: Model 'gpt-5-mini'");
        Has(output, "Shapes.cs(22,52): error LG0001: Model 'o3-mini'");
        Has(output, "Shapes.cs(23,89): error LG0001: Model 'gpt-4.1-mini'");
        // Configuration: at the code that reads the key, and at the JSON value.
        Has(output, "Shapes.cs(24,111): error LG0001: Model 'o1-mini'");
        Has(output, "appsettings.json(2,19): warning LG0006: Model 'o1-mini' under 'AI:Chat'");
        // ?: and switch arms, a static readonly field, GetValue<string> and GetSection(…).Value.
        Has(output, "Shapes.cs(29,87): error LG0001: Model 'gpt-4o-mini'");
        Has(output, "Shapes.cs(29,122): error LG0001: Model 'o1'");
        Has(output, "Shapes.cs(30,47): error LG0001: Model 'o3'");
        Has(output, "Shapes.cs(32,81): error LG0001: Model 'gpt-4.1'");
        Has(output, "appsettings.json(2,39): warning LG0006: Model 'gpt-4.1' under 'AI:Value'");
        Has(output, "Shapes.cs(33,88): error LG0001: Model 'gpt-4.1-nano'");
        // Known only at run time: a key with no value (bare and through bound options), an environment variable.
        Has(output, "Shapes.cs(20,180): warning LG0007");
        Has(output, "Shapes.cs(26,91): warning LG0007");
        Has(output, "Shapes.cs(27,66): warning LG0007");
        Has(output, "environment variable 'CHAT_MODEL'");
        Assert.DoesNotContain("'gpt-4o'", output);
        Assert.DoesNotContain("AD0001", output);
    }
}
