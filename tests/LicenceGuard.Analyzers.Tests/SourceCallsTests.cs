using System.Collections.Concurrent;
using System.Collections.Immutable;
using LicenceGuard.Analyzers.Detection;
using LicenceGuard.Core.CodeApis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LicenceGuard.Analyzers.Tests;

/// <summary>
/// <see cref="SourceCalls"/> finds calls and assignments from a file's text instead of being called for each operation.
/// Checked against the compiler's own operation walk (an analyzer with operation actions, the way the rule used to
/// run): every invocation of a method rules/sdk-apis.yaml names, every constructor initializer and every assignment of
/// a property it names must be found, with the same calling member (the data-perimeter rule reads it).
/// </summary>
public class SourceCallsTests
{
    private const string Shapes = """
        using System;
        using System.Collections.Generic;
        using OpenAI;
        using OpenAI.Chat;
        using Microsoft.Extensions.AI;
        using Ext = Microsoft.Extensions.AI.OpenAIClientExtensions;

        class Base { protected Base(string model) { } }
        class Derived : Base
        {
            public Derived() : base("gpt-4o") { }
            public Derived(int x) : this() { }
        }
        class Primary(string k) : Base(k) { }
        record RBase(string M);
        record R(string M) : RBase(M);
        class Chat : ChatClient { public Chat() : base("gpt-4o", "key") { } }

        class C
        {
            static OpenAIClient Client = new("key");
            ChatClient F = Client.GetChatClient("gpt-4o");
            ChatClient P { get; } = Client.GetChatClient("gpt-4o");
            ChatClient Q => Client.GetChatClient("gpt-4o");
            ChatClient G { get { return Client.GetChatClient("gpt-4o"); } }

            void M(OpenAIClient client, OpenAIClient? maybe, ChatOptions o)
            {
                client.GetChatClient("gpt-4o");
                maybe?.GetChatClient("gpt-4o");
                @client.@GetChatClient(model: "gpt-4o");
                Func<ChatClient> f = () => client.GetChatClient("gpt-4o");
                ChatClient Local() => client.GetChatClient("gpt-4o");
                var options = new ChatOptions { ModelId = "gpt-4o", Temperature = 1 };
                o.ModelId = "gpt-4o";
                var nested = new ChatOptions { AdditionalProperties = new() { ["ModelId"] = "x" } };
                var chat = Ext.AsIChatClient(client.GetChatClient("gpt-4o"));
                var list = new List<string> { "a", nameof(client.GetChatClient) };
                // client.GetChatClient("in a comment")
                var text = "client.GetChatClient(\"in a string\")";
            }
        }

        class Top
        {
            static void Main() => new OpenAIClient("key").GetChatClient("gpt-4o").CompleteChat("hi");
        }
        """;

    [Fact]
    public void NamedCallsAndAssignments_AreFound_WithTheirCallers()
    {
        var compilation = Compile(Shapes);
        var expected = OracleSites(compilation);
        Assert.Contains(expected, s => s.StartsWith("Invocation GetChatClient", StringComparison.Ordinal));
        Assert.Contains(expected, s => s.StartsWith("SimpleAssignment ModelId", StringComparison.Ordinal));
        Assert.Contains(expected, s => s.Contains(".ctor", StringComparison.Ordinal) && s.Contains("Primary", StringComparison.Ordinal));
        var found = FoundSites(compilation, everyCall: false);
        Assert.True(expected.SetEquals(found),
            $"missed: {string.Join("; ", expected.Except(found))}\nnot expected: {string.Join("; ", found.Except(expected))}");
    }

    [Fact]
    public void TopLevelStatements_AreFound_WithTheirCallers()
    {
        var source = """
            using OpenAI;
            var client = new OpenAIClient("key");
            var chat = client.GetChatClient("gpt-4o");
            var options = new Microsoft.Extensions.AI.ChatOptions();
            options.ModelId = "gpt-4o";
            """;
        var compilation = Compile(source, OutputKind.ConsoleApplication);
        var expected = OracleSites(compilation);
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, FoundSites(compilation, everyCall: false));
    }

    [Fact]
    public void EscapedIdentifier_IsFound()
    {
        var source = """
            using OpenAI;
            class C { void M(OpenAIClient client) => client.GetChat\u0043lient("gpt-4o"); }
            """;
        var compilation = Compile(source);
        var expected = OracleSites(compilation);
        Assert.Single(expected);
        Assert.Equal(expected, FoundSites(compilation, everyCall: false));
    }

    [Fact]
    public void EveryCall_FindsImplicitAddAndOrdinaryCalls()
    {
        var source = """
            using System.Collections.Generic;
            class Models : List<string> { }
            class C
            {
                static string Make(string s) => s;
                Models M() => new Models { "gpt-4o", Make("x") };
                void N(System.Text.StringBuilder sb) { sb.Append("y"); var o = new D { Name = "z" }; }
            }
            class D { public string Name { get; set; } = ""; }
            """;
        var compilation = Compile(source);
        var all = OracleSites(compilation, everything: true);
        Assert.Contains(all, s => s.StartsWith("Invocation Add", StringComparison.Ordinal));
        Assert.Equal(all, FoundSites(compilation, everyCall: true));
    }

    private static CSharpCompilation Compile(string source, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
    {
        var compilation = CSharpCompilation.Create("probe", new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview)) },
            TestReferences.References, new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return compilation;
    }

    /// <summary>What operation actions see: the sites the table could name (or all of them), with ContainingSymbol.</summary>
    private static SortedSet<string> OracleSites(CSharpCompilation compilation, bool everything = false)
    {
        var oracle = new OperationOracle(everything);
        compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(oracle)).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return new SortedSet<string>(oracle.Sites, StringComparer.Ordinal);
    }

    private static SortedSet<string> FoundSites(CSharpCompilation compilation, bool everyCall)
    {
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var calls = new List<SourceCall>();
        SourceCalls.WorthChecking(model, tree.ToString(), SdkApiTable.Embedded, everyCall, calls, CancellationToken.None);
        return new SortedSet<string>(calls.Where(c => HasArguments(c.Operation)).Select(c => Describe(c.Operation, c.Caller)), StringComparer.Ordinal);
    }

    /// <summary>A call without arguments passes no model: the analyzer looks no further, so neither does this test.</summary>
    private static bool HasArguments(IOperation operation) => operation is not IInvocationOperation { Arguments.IsEmpty: true };

    private static string Describe(IOperation operation, ISymbol? caller)
    {
        var name = operation switch
        {
            IInvocationOperation i => i.TargetMethod.Name,
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation p } => p.Property.Name,
            ISimpleAssignmentOperation a => a.Target.Kind.ToString(),
            _ => "?",
        };
        return $"{operation.Kind} {name} at {operation.Syntax.SpanStart} in {caller?.ToDisplayString()}";
    }

    // A test double run only in this process: the extended analyzer rules are about shipping analyzers.
#pragma warning disable RS1036
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class OperationOracle : DiagnosticAnalyzer
    {
        private readonly bool _everything;
        public OperationOracle(bool everything) => _everything = everything;
        public ConcurrentBag<string> Sites { get; } = new();
        // The compiler runs no analyzer that could report nothing.
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            new DiagnosticDescriptor("ORACLE", "oracle", "oracle", "test", DiagnosticSeverity.Hidden, isEnabledByDefault: true));

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(c =>
            {
                var apis = SdkApiTable.Embedded;
                var keep = _everything || c.Operation switch
                {
                    IInvocationOperation i => i.TargetMethod.MethodKind == MethodKind.Constructor || apis.HasMember(i.TargetMethod.Name),
                    ISimpleAssignmentOperation { Target: IPropertyReferenceOperation p } => apis.HasProperty(p.Property.Name),
                    _ => false,
                };
                if (keep && HasArguments(c.Operation)) Sites.Add(Describe(c.Operation, c.ContainingSymbol));
            }, OperationKind.Invocation, OperationKind.SimpleAssignment);
        }
    }
#pragma warning restore RS1036
}
