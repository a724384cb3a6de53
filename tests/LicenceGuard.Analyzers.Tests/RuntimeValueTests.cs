using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LicenceGuard.Analyzers.Tests;

/// <summary>
/// Configuration reads and bound options followed to appsettings*.json (issue 13 item 2), and values the build cannot
/// know: LG0007 unless the runtime guard checks them, LG0008 for an SDK with no model declared (item 3).
/// </summary>
public class RuntimeValueTests
{
    private static readonly string Manifest = Fixtures.Manifest(Fixtures.Reviewed("gpt-4o", "LicenseRef-OpenAI-Services"));

    private static DiagnosticResult Runtime(int line, int column, int endColumn) =>
        new DiagnosticResult("LG0007", DiagnosticSeverity.Warning).WithSpan(line, column, line, endColumn);

    private static DiagnosticResult Undeclared(int line, int column, int endColumn) =>
        new DiagnosticResult("LG0001", DiagnosticSeverity.Error).WithSpan(line, column, line, endColumn);

    private static Task Run(string source, string? settings, params DiagnosticResult[] expected)
    {
        var test = settings is null ? new AnalyzerTest(source, Manifest) : new AnalyzerTest(source, Manifest, ("/project/appsettings.json", settings));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public async Task ConfigurationFallback_KeyWithoutValue_FallbackIsAnErrorAndTheKeyAWarning()
    {
        var source = """
            using Microsoft.Extensions.Configuration;
            using Azure.AI.OpenAI;
            class C
            {
                void M(IConfiguration config, AzureOpenAIClient client)
                {
                    var deploymentName = config["AzureOpenAI:Deployment"] ?? {|LG0001:"gpt-5-mini"|};
                    client.GetChatClient(deploymentName);
                }
            }
            """;
        await Run(source, null, Runtime(8, 30, 44));
    }

    [Fact]
    public async Task ConfigurationIndexer_ValueInAppSettings_TriggersAtTheReadAndAtTheJsonValue()
    {
        var source = """
            using Microsoft.Extensions.Configuration;
            using OpenAI;
            class C
            {
                void M(IConfiguration config, OpenAIClient client) => client.GetChatClient(config.GetSection("AI")["Chat"]!);
            }
            """;
        var settings = """{ "AI": { "Chat": "o3-mini" } }""";
        await Run(source, settings,
            Undeclared(5, 80, 111).WithArguments("o3-mini", "passed to OpenAIClient.GetChatClient(model) via configuration key 'AI:Chat' in appsettings.json(1)",
                "the catalogue knows it as OpenAI o-series reasoning models (o1, o3, o4-mini) by OpenAI (api), licensed under LicenseRef-OpenAI-Services"),
            new DiagnosticResult("LG0006", DiagnosticSeverity.Warning).WithSpan("/project/appsettings.json", 1, 19, 1, 28));
    }

    [Fact]
    public async Task GetValueAndSectionValue_ValuesInAppSettings_Trigger()
    {
        var source = """
            using Microsoft.Extensions.Configuration;
            using OpenAI;
            class C
            {
                void A(IConfiguration config, OpenAIClient client) => client.GetChatClient(config.GetValue<string>("OpenAI:ChatModel")!);
                void B(IConfiguration config, OpenAIClient client) => client.GetEmbeddingClient(config.GetSection("OpenAI:EmbeddingModel").Value!);
                void D(IConfiguration config, OpenAIClient client) => client.GetChatClient(config.GetValue<string>("OpenAI:Declared")!);
            }
            """;
        // ChatModel and EmbeddingModel are keys LG0006 watches anyway; "Declared" holds a declared model.
        var settings = """{ "OpenAI": { "ChatModel": "o3-mini", "EmbeddingModel": "text-embedding-3-small", "Declared": "gpt-4o" } }""";
        await Run(source, settings,
            Undeclared(5, 80, 123),
            Undeclared(6, 85, 133),
            new DiagnosticResult("LG0006", DiagnosticSeverity.Warning).WithSpan("/project/appsettings.json", 1, 28, 1, 37),
            new DiagnosticResult("LG0006", DiagnosticSeverity.Warning).WithSpan("/project/appsettings.json", 1, 57, 1, 81));
    }

    [Fact]
    public async Task OptionsBoundWithConfigure_PropertyReachesModel_FollowsTheSection()
    {
        var source = """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Options;
            using OpenAI.Chat;
            class OpenAIOptions { public string ChatModelId { get; set; } = string.Empty; public string ReasoningModelId { get; set; } = ""; }
            class Startup { void Configure(IServiceCollection services, IConfiguration config) => services.Configure<OpenAIOptions>(config.GetSection("OpenAI")); }
            class C
            {
                ChatClient Chat(IOptions<OpenAIOptions> options) => new ChatClient(options.Value.ChatModelId, "key");
                ChatClient Reason(IOptions<OpenAIOptions> options) => new ChatClient(options.Value.ReasoningModelId, "key");
            }
            """;
        var settings = """{ "OpenAI": { "ChatModelId": "o3-mini", "ReasoningModelId": "" } }""";
        await Run(source, settings,
            Undeclared(9, 72, 97).WithArguments("o3-mini", "passed to new ChatClient(model) via property OpenAIOptions.ChatModelId, configuration key 'OpenAI:ChatModelId' in appsettings.json(1)",
                "the catalogue knows it as OpenAI o-series reasoning models (o1, o3, o4-mini) by OpenAI (api), licensed under LicenseRef-OpenAI-Services"),
            Runtime(10, 74, 104),
            new DiagnosticResult("LG0006", DiagnosticSeverity.Warning).WithSpan("/project/appsettings.json", 1, 30, 1, 39));
    }

    [Fact]
    public async Task OptionsBoundWithBindConfiguration_EmptyKey_Warns()
    {
        var source = """
            using Microsoft.Extensions.DependencyInjection;
            using OpenAI.Chat;
            class AiSettings { public string Model { get; set; } = ""; }
            class Startup { void Configure(IServiceCollection services) => services.AddOptions<AiSettings>().BindConfiguration("Ai"); }
            class C { ChatClient M(AiSettings settings) => new ChatClient(settings.Model, "key"); }
            """;
        await Run(source, """{ "Ai": { "Model": "" } }""", Runtime(5, 63, 77));
    }

    [Fact]
    public async Task EnvironmentVariable_Warns_UnlessTheGuardChecksIt()
    {
        var source = """
            using System;
            using LicenceGuard.Runtime.Guard;
            using Microsoft.Extensions.AI;
            using OpenAI.Chat;
            class C
            {
                ChatClient Unchecked() => new ChatClient(Environment.GetEnvironmentVariable("MODEL"), "key");
                ChatClient Checked() => new ChatClient(ModelGuard.Require(Environment.GetEnvironmentVariable("MODEL")), "key");
                ChatClient CheckedLocal()
                {
                    var model = Environment.GetEnvironmentVariable("MODEL");
                    ModelGuard.Require(model);
                    return new ChatClient(model, "key");
                }
                IChatClient Wrapped(string model) => new ChatClient(model, "key").AsIChatClient().AsBuilder().UseLicenceGuard().Build();
            }
            """;
        await Run(source, null, Runtime(7, 46, 89));
    }

    [Fact]
    public async Task RuntimeWarning_NamesTheSourceAndTheGuard()
    {
        var source = """
            using OpenAI.Chat;
            class C { ChatClient M() => new ChatClient(System.Console.ReadLine(), "key"); }
            """;
        await Run(source, null, Runtime(2, 44, 69).WithArguments("new ChatClient(model)", "the result of Console.ReadLine()", ""));
    }

    [Fact]
    public async Task EmptyManifest_WithAnAiSdk_Warns()
    {
        var test = new AnalyzerTest("class C { }", Fixtures.Manifest(""));
        test.ExpectedDiagnostics.Add(Fixtures.NoModelDeclared.WithArguments("OpenAI"));
        await test.RunAsync();
    }
}
