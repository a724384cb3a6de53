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

/// <summary>Calls that do not bind (a loose file scanned without its package, an SDK whose API moved), matched by name.</summary>
public class UnboundCallTests
{
    private static readonly string Manifest = Fixtures.Manifest(Fixtures.Reviewed("gpt-4o", "LicenseRef-OpenAI-Services"));

    private static Task Run(string source)
    {
        var test = new AnalyzerTest(source, Manifest) { CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None };
        return test.RunAsync();
    }

    [Fact]
    public async Task RemovedPreviewApi_NamedModelArgument_FollowedFromALocal()
    {
        // Microsoft.Extensions.AI.Ollama's OllamaChatClient, as dotnet/ai-samples still writes it.
        var source = """
            class C
            {
                object M()
                {
                    var endpoint = "http://localhost:11434/";
                    var modelId = {|LG0001:"llama3.1"|};
                    return new OllamaChatClient(endpoint, modelId: modelId);
                }
            }
            """;
        await Run(source);
    }

    [Fact]
    public async Task PositionalArguments_OnlyModelLikeValuesCount()
    {
        var source = """
            class C
            {
                object M() => new OllamaEmbeddingGenerator("http://localhost:11434/", {|LG0001:"all-minilm"|});
                object N(object builder) => builder.AddModel({|LG0001:"phi3.5"|});
                object P(object kernel) => kernel.AddMistralChatCompletion("mistral-small-latest", System.Environment.GetEnvironmentVariable("KEY"));
            }
            """;
        // The Mistral call's first positional argument names the model only by the parameter order, which an unbound
        // call does not give: it is reported when the value looks like a model.
        var test = new AnalyzerTest(source, Manifest) { CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None };
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("LG0001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithSpan(5, 64, 5, 86));
        await test.RunAsync();
    }
}
