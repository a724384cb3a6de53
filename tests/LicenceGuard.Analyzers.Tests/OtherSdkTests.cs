namespace LicenceGuard.Analyzers.Tests;

/// <summary>Microsoft.Extensions.AI, Semantic Kernel, OllamaSharp and Anthropic call shapes, against the real packages.</summary>
public class OtherSdkTests
{
    private static readonly string Manifest = Fixtures.Manifest(Fixtures.Reviewed("gpt-4o", "LicenseRef-OpenAI-Services"));

    [Fact]
    public async Task ChatOptionsModelId_UndeclaredModel_Triggers()
    {
        var source = """
            using Microsoft.Extensions.AI;
            class C { ChatOptions M() => new ChatOptions { ModelId = {|LG0001:"gpt-4.1-mini"|} }; }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task ChatOptionsModelId_AssignedLater_Triggers()
    {
        var source = """
            using Microsoft.Extensions.AI;
            class C { void M(ChatOptions options) { options.ModelId = {|LG0001:"o3-mini"|}; } }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task EmbeddingGenerationOptionsModelId_UndeclaredModel_Triggers()
    {
        var source = """
            using Microsoft.Extensions.AI;
            class C { EmbeddingGenerationOptions M() => new() { ModelId = {|LG0001:"text-embedding-3-small"|} }; }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task AsIChatClientOnResponsesClient_UndeclaredDefaultModel_Triggers()
    {
        var source = """
            #pragma warning disable OPENAI001 // the Responses API is marked experimental
            using Microsoft.Extensions.AI;
            using OpenAI.Responses;
            class C { IChatClient M(ResponsesClient client) => client.AsIChatClient({|LG0001:"gpt-5-mini"|}); }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task AsIChatClientOnChatClient_DeclaredModel_DoesNotTrigger()
    {
        var source = """
            using Microsoft.Extensions.AI;
            using OpenAI.Chat;
            class C { IChatClient M() => new ChatClient("gpt-4o", "key").AsIChatClient(); }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task SemanticKernelAddOpenAIChatCompletion_UndeclaredModel_Triggers()
    {
        var source = """
            using Microsoft.SemanticKernel;
            class C
            {
                Kernel M() => Kernel.CreateBuilder().AddOpenAIChatCompletion({|LG0001:"gpt-4o-mini"|}, "key").Build();
            }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task SemanticKernelAddOpenAIChatCompletion_DeclaredModel_DoesNotTrigger()
    {
        var source = """
            using Microsoft.SemanticKernel;
            class C { Kernel M() => Kernel.CreateBuilder().AddOpenAIChatCompletion(modelId: "gpt-4o", apiKey: "key").Build(); }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task SemanticKernelAddAzureOpenAIChatCompletion_UndeclaredDeployment_Triggers()
    {
        var source = """
            using Microsoft.SemanticKernel;
            class C
            {
                Kernel M() => Kernel.CreateBuilder()
                    .AddAzureOpenAIChatCompletion({|LG0001:"chat-prod"|}, "https://acme.openai.azure.com/", "key")
                    .Build();
            }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task SemanticKernelServiceConstructor_UndeclaredModel_Triggers()
    {
        var source = """
            using Microsoft.SemanticKernel.Connectors.OpenAI;
            class C { OpenAIChatCompletionService M() => new({|LG0001:"gpt-4.1-nano"|}, "key"); }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task SemanticKernelExecutionSettingsModelId_UndeclaredModel_Triggers()
    {
        var source = """
            using Microsoft.SemanticKernel.Connectors.OpenAI;
            class C { OpenAIPromptExecutionSettings M() => new() { ModelId = {|LG0001:"gpt-4.1"|} }; }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task OllamaApiClientConstructor_UndeclaredModel_Triggers()
    {
        var source = """
            using System;
            using OllamaSharp;
            class C { OllamaApiClient M() => new OllamaApiClient(new Uri("http://localhost:11434"), {|LG0001:"llama3.1:8b"|}); }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task OllamaApiClientConstructor_DefaultModelOmitted_DoesNotTrigger()
    {
        var source = """
            using System;
            using OllamaSharp;
            class C { OllamaApiClient M() => new OllamaApiClient(new Uri("http://localhost:11434")); }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task OllamaSelectedModel_UndeclaredModel_Triggers()
    {
        var source = """
            using OllamaSharp;
            class C { void M(OllamaApiClient client) { client.SelectedModel = {|LG0001:"qwen2.5:7b"|}; } }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task OllamaChatRequestModel_UndeclaredModel_Triggers()
    {
        var source = """
            using OllamaSharp.Models.Chat;
            class C { ChatRequest M() => new ChatRequest { Model = {|LG0001:"llama3.2"|} }; }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task AnthropicMessageCreateParamsModel_UndeclaredModel_Triggers()
    {
        var source = """
            using Anthropic.Models.Messages;
            class C
            {
                MessageCreateParams M() => new MessageCreateParams
                {
                    Model = {|LG0001:"claude-sonnet-4-5"|},
                    MaxTokens = 1024,
                    Messages = [],
                };
            }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task AnthropicAsIChatClient_UndeclaredModel_Triggers()
    {
        var source = """
            using Anthropic;
            using Microsoft.Extensions.AI;
            class C { IChatClient M(AnthropicClient client) => client.AsIChatClient({|LG0001:"claude-opus-4-1"|}); }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }
}
