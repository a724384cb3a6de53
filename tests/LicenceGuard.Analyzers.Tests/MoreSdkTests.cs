namespace LicenceGuard.Analyzers.Tests;

/// <summary>Issue 13 item 4: SDKs added to rules/sdk-apis.yaml, each against its real package.</summary>
public class MoreSdkTests
{
    private static readonly string Manifest = Fixtures.Manifest(Fixtures.Reviewed("gpt-4o", "LicenseRef-OpenAI-Services"));

    [Fact]
    public async Task AzureAIInferenceChatCompletionsOptionsModel_Undeclared_Triggers()
    {
        var source = """
            using Azure.AI.Inference;
            class C
            {
                ChatCompletionsOptions M() => new ChatCompletionsOptions { Model = {|LG0001:"Phi-4-mini-instruct"|} };
                void Later(ChatCompletionsOptions options) { options.Model = "gpt-4o"; }
            }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task AzureAIInferenceEmbeddingsOptionsModel_FromALocal_Triggers()
    {
        var source = """
            using Azure.AI.Inference;
            class C
            {
                EmbeddingsOptions M()
                {
                    var model = {|LG0001:"text-embedding-3-small"|};
                    return new EmbeddingsOptions(new[] { "hello" }) { Model = model };
                }
            }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task AgentFrameworkChatClientAgent_ModelInItsChatOptions_Triggers()
    {
        // Microsoft.Agents.AI takes its model through Microsoft.Extensions.AI's ChatOptions.ModelId (already in the table).
        var source = """
            using Microsoft.Agents.AI;
            using Microsoft.Extensions.AI;
            class C
            {
                ChatClientAgent M(IChatClient chat) =>
                    new ChatClientAgent(chat, new ChatClientAgentOptions { Name = "triage", ChatOptions = new ChatOptions { ModelId = {|LG0001:"gpt-4.1-mini"|} } });
            }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task OnnxRuntimeGenAIConfig_UndeclaredFolder_Triggers()
    {
        var source = """
            using System.IO;
            using Microsoft.ML.OnnxRuntimeGenAI;
            class C
            {
                static readonly string Folder = {|LG0001:"models/phi-4-mini-instruct-onnx"|};
                Config M() => new Config(Folder);
            }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }
}
