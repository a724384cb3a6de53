using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LicenceGuard.Analyzers.Tests;

/// <summary>
/// Values followed into model parameters (issue 13 item 2), reported where the model is written, against the real SDK
/// packages: locals, parameter defaults, call-site arguments, ??, ?:, switch arms, fields, properties, collections.
/// </summary>
public class FlowTests
{
    private static readonly string Manifest = Fixtures.Manifest(Fixtures.Reviewed("gpt-4o", "LicenseRef-OpenAI-Services"));

    [Fact]
    public async Task Local_EveryAssignedValue_TriggersAtTheLiteral()
    {
        var source = """
            using OpenAI;
            class C
            {
                void M(OpenAIClient client, bool reasoning)
                {
                    var model = "gpt-4o";
                    if (reasoning) model = {|LG0001:"o3-mini"|};
                    client.GetChatClient(model);
                }
            }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task ParameterDefaultFromConst_FlowsIntoOllamaApiClient_TriggersAtTheConst()
    {
        var source = """
            using System;
            using OllamaSharp;
            static class Models
            {
                public const string OllamaModel = {|LG0001:"llama3.2"|};
                public static OllamaApiClient GetChatClientOllama(string model = OllamaModel) => new(new Uri("http://localhost:11434"), model);
            }
            class C { OllamaApiClient M() => Models.GetChatClientOllama(); }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task CallSiteArguments_OfAWrapper_TriggerAtEachLiteral()
    {
        var source = """
            using OpenAI.Chat;
            class C
            {
                static ChatClient Make(string model) => new ChatClient(model, "key");
                void M()
                {
                    Make("gpt-4o");
                    Make({|LG0001:"o3-mini"|});
                    Make(model: {|LG0001:"gpt-4.1-mini"|});
                }
            }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task CoalesceConditionalAndSwitchArms_TriggerAtEachUndeclaredBranch()
    {
        var source = """
            using System;
            using OpenAI.Chat;
            class C
            {
                ChatClient Coalesce(string? chosen) => new ChatClient(chosen ?? {|LG0001:"gpt-5-mini"|}, "key");
                ChatClient Conditional(bool cheap) => new ChatClient(cheap ? {|LG0001:"gpt-4o-mini"|} : "gpt-4o", "key");
                ChatClient Switch(int tier) => new ChatClient(tier switch { 0 => {|LG0001:"o3-mini"|}, _ => "gpt-4o" }, "key");
                void Callers() { Coalesce(null); }
            }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task StaticReadonlyFieldAndPropertyInitialisers_TriggerAtTheLiteral()
    {
        var source = """
            using OpenAI.Chat;
            class Settings
            {
                public static readonly string Chat = {|LG0001:"o3-mini"|};
                public string Embedding { get; set; } = {|LG0001:"text-embedding-3-small"|};
                public string Reasoning => {|LG0001:"o1"|};
            }
            class C
            {
                ChatClient A() => new ChatClient(Settings.Chat, "key");
                ChatClient B(Settings s) => new ChatClient(s.Embedding, "key");
                ChatClient D(Settings s) => new ChatClient(s.Reasoning, "key");
            }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task FieldAssignedInConstructor_TriggersAtTheCallersLiteral()
    {
        var source = """
            using OpenAI.Chat;
            class Assistant
            {
                private readonly string _model;
                public Assistant(string model) { _model = model; }
                public ChatClient Client() => new ChatClient(_model, "key");
            }
            class C { Assistant M() => new Assistant({|LG0001:"gpt-4.1"|}); }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task ArrayAndListElements_PassedToAModelParameter_TriggerAtEachElement()
    {
        var source = """
            using System.Collections.Generic;
            using System.Linq;
            using OpenAI;
            class C
            {
                private static readonly string[] Models = { "gpt-4o", {|LG0001:"o3-mini"|} };
                void Each(OpenAIClient client)
                {
                    foreach (var model in Models) client.GetChatClient(model);
                }
                void First(OpenAIClient client)
                {
                    var candidates = new List<string> { {|LG0001:"gpt-4.1-mini"|} };
                    client.GetChatClient(candidates.First());
                }
                void Indexed(OpenAIClient client)
                {
                    string[] ids = [{|LG0001:"o1-mini"|}];
                    client.GetChatClient(ids[0]);
                }
            }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task MethodResult_ReturnsALiteral_TriggersAtTheLiteral()
    {
        var source = """
            using OpenAI.Chat;
            class C
            {
                static string PickModel(bool big) { if (big) return {|LG0001:"gpt-4.1"|}; return "gpt-4o"; }
                ChatClient M() => new ChatClient(PickModel(true), "key");
            }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task ConstantFlowingIntoAnApi_IsNotAlsoAPossibleReference()
    {
        // The const literal is LG0001 through the flow, not LG0005 as well; the unused one stays LG0005.
        var source = """
            using OpenAI.Chat;
            class C
            {
                private const string Used = {|LG0001:"gpt-4o-mini"|};
                private const string Unused = {|LG0005:"claude-3-5-sonnet-latest"|};
                ChatClient M() => new ChatClient(Used, "key");
            }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task SelfAssignmentLoop_Terminates()
    {
        var source = """
            using OpenAI.Chat;
            class C
            {
                string _a = {|LG0001:"o3-mini"|};
                string _b = "";
                ChatClient M() { _a = _b; _b = _a; return new ChatClient(_a, "key"); }
            }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task ModelNamesKeptInAListOfDefinitions_SelectedIntoADictionary_TriggerAtEachName()
    {
        // The shape of Semantic Kernel's Amazon Bedrock demo: definitions in a dictionary, names selected, one picked.
        var source = """
            using System.Collections.Generic;
            using System.Linq;
            using OpenAI.Chat;
            class ModelDefinition { public string Name { get; set; } = ""; public bool CanStream { get; set; } }
            class C
            {
                static readonly Dictionary<int, ModelDefinition> Models = new()
                {
                    { 1, new ModelDefinition { Name = "gpt-4o", CanStream = true } },
                    { 2, new ModelDefinition { Name = {|LG0001:"o3-mini"|} } },
                };
                ChatClient M(int chosen)
                {
                    var names = Models.Values.Where(m => m.CanStream || true).ToDictionary(m => m.Name.Length, m => m.Name);
                    return new ChatClient(names[chosen], "key");
                }
            }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }
}
