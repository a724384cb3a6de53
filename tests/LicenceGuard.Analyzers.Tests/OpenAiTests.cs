using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LicenceGuard.Analyzers.Tests;

/// <summary>OpenAI and Azure.AI.OpenAI call shapes, against the real packages.</summary>
public class OpenAiTests
{
    private static readonly string DeclaresGpt4o = Fixtures.Manifest(Fixtures.Reviewed("gpt-4o", "LicenseRef-OpenAI-Services"));

    [Fact]
    public async Task ChatClientConstructor_UndeclaredModel_Triggers()
    {
        var source = """
            using OpenAI.Chat;
            class C { ChatClient M() => new ChatClient({|LG0001:"gpt-4o-mini"|}, "key"); }
            """;
        await AnalyzerTest.RunAsync(source, DeclaresGpt4o);
    }

    [Fact]
    public async Task ChatClientConstructor_UndeclaredModel_MessageSaysWhy()
    {
        var source = """
            using OpenAI.Chat;
            class C { ChatClient M() => new ChatClient("gpt-4o-mini", "key"); }
            """;
        await AnalyzerTest.RunAsync(source, DeclaresGpt4o,
            new DiagnosticResult("LG0001", DiagnosticSeverity.Error).WithSpan(2, 44, 2, 57)
                .WithArguments("gpt-4o-mini", "passed to new ChatClient(model)", "the catalogue knows it as GPT-4o and GPT-4o mini by OpenAI (api), licensed under LicenseRef-OpenAI-Services"));
    }

    [Fact]
    public async Task ChatClientConstructor_DeclaredReviewedModel_DoesNotTrigger()
    {
        var source = """
            using OpenAI.Chat;
            class C { ChatClient M() => new ChatClient("gpt-4o", "key"); }
            """;
        await AnalyzerTest.RunAsync(source, DeclaresGpt4o);
    }

    [Fact]
    public async Task ChatClientConstructor_DeclaredByAliasInOtherCase_DoesNotTrigger()
    {
        var manifest = Fixtures.Manifest(Fixtures.Reviewed("gpt-4o", "LicenseRef-OpenAI-Services", extra: "    aliases: [\"GPT-4o-2024-08-06\"]"));
        var source = """
            using OpenAI.Chat;
            class C { ChatClient M() => new ChatClient("gpt-4o-2024-08-06", "key"); }
            """;
        await AnalyzerTest.RunAsync(source, manifest);
    }

    [Fact]
    public async Task OpenAIClientGetChatClient_UndeclaredModel_Triggers()
    {
        var source = """
            using OpenAI;
            class C { void M(OpenAIClient client) { var chat = client.GetChatClient({|LG0001:"gpt-4.1"|}); } }
            """;
        await AnalyzerTest.RunAsync(source, DeclaresGpt4o);
    }

    [Fact]
    public async Task OpenAIClientGetEmbeddingClient_UndeclaredModel_Triggers()
    {
        var source = """
            using OpenAI;
            class C { void M(OpenAIClient client) { var e = client.GetEmbeddingClient({|LG0001:"text-embedding-3-small"|}); } }
            """;
        await AnalyzerTest.RunAsync(source, DeclaresGpt4o);
    }

    [Fact]
    public async Task EmbeddingClientConstructor_NamedArgument_Triggers()
    {
        var source = """
            using OpenAI.Embeddings;
            class C { EmbeddingClient M() => new EmbeddingClient(apiKey: "key", model: {|LG0001:"text-embedding-3-large"|}); }
            """;
        await AnalyzerTest.RunAsync(source, DeclaresGpt4o);
    }

    [Fact]
    public async Task ConstField_FlowsIntoChatClient_TriggersWhereTheModelIsWritten()
    {
        var source = """
            using OpenAI.Chat;
            class C
            {
                private const string Model = {|LG0001:"gpt-4o-mini"|};
                ChatClient M() => new ChatClient(Model, "key");
            }
            """;
        await AnalyzerTest.RunAsync(source, DeclaresGpt4o);
    }

    [Fact]
    public async Task ConstLocal_FlowsIntoGetChatClient_Triggers()
    {
        var source = """
            using OpenAI;
            class C
            {
                void M(OpenAIClient client)
                {
                    const string model = {|LG0001:"my-fine-tune"|};
                    client.GetChatClient(model);
                }
            }
            """;
        await AnalyzerTest.RunAsync(source, DeclaresGpt4o);
    }

    [Fact]
    public async Task ConstantInterpolation_FlowsIntoChatClient_Triggers()
    {
        var source = """
            using OpenAI.Chat;
            class C
            {
                const string Family = "gpt-4o";
                ChatClient M() => new ChatClient({|LG0001:$"{Family}-mini"|}, "key");
            }
            """;
        await AnalyzerTest.RunAsync(source, DeclaresGpt4o);
    }

    [Fact]
    public async Task ConstantConcatenation_FlowsIntoChatClient_Triggers()
    {
        var source = """
            using OpenAI.Chat;
            class C { ChatClient M() => new ChatClient({|LG0001:"gpt-4o" + "-mini"|}, "key"); }
            """;
        await AnalyzerTest.RunAsync(source, DeclaresGpt4o);
    }

    [Fact]
    public async Task DerivedClientConstructorInitializer_UndeclaredModel_Triggers()
    {
        var source = """
            using OpenAI.Chat;
            class SummaryClient : ChatClient { public SummaryClient(string key) : base({|LG0001:"gpt-4o-mini"|}, key) { } }
            """;
        await AnalyzerTest.RunAsync(source, DeclaresGpt4o);
    }

    [Fact]
    public async Task TargetTypedNewThroughAlias_UndeclaredModel_Triggers()
    {
        var source = """
            using Chat = OpenAI.Chat.ChatClient;
            class C { Chat M() => new({|LG0001:"gpt-4o-mini"|}, "key"); }
            """;
        await AnalyzerTest.RunAsync(source, DeclaresGpt4o);
    }

    [Fact]
    public async Task NonConstantModel_WarnsThatOnlyTheRuntimeGuardCanCheckIt()
    {
        // Issue 13: nothing silent. A model the build cannot know is a warning naming the runtime guard (LG0007).
        var source = """
            using System;
            using OpenAI.Chat;
            class C { ChatClient M() => new ChatClient({|LG0007:Environment.GetEnvironmentVariable("MODEL")|}, "key"); }
            """;
        await AnalyzerTest.RunAsync(source, DeclaresGpt4o);
    }

    [Fact]
    public async Task AzureOpenAIClientGetChatClient_UndeclaredDeployment_Triggers()
    {
        var source = """
            using System;
            using System.ClientModel;
            using Azure.AI.OpenAI;
            class C
            {
                void M()
                {
                    var client = new AzureOpenAIClient(new Uri("https://acme.openai.azure.com/"), new ApiKeyCredential("key"));
                    var chat = client.GetChatClient({|LG0001:"prod-chat"|});
                }
            }
            """;
        await AnalyzerTest.RunAsync(source, DeclaresGpt4o);
    }

    [Fact]
    public async Task AzureOpenAIClientGetChatClient_DeploymentDeclaredAsAlias_DoesNotTrigger()
    {
        var manifest = Fixtures.Manifest(Fixtures.Reviewed("gpt-4o", "LicenseRef-OpenAI-Services", extra: "    aliases: [prod-chat]"));
        var source = """
            using Azure.AI.OpenAI;
            class C { void M(AzureOpenAIClient client) => client.GetChatClient("prod-chat"); }
            """;
        await AnalyzerTest.RunAsync(source, manifest);
    }
}
