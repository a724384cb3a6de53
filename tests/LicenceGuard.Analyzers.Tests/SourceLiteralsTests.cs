using LicenceGuard.Analyzers.Detection;
using LicenceGuard.Core;
using LicenceGuard.Core.AnalyzerInput;
using LicenceGuard.Core.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LicenceGuard.Analyzers.Tests;

/// <summary>
/// The literal rule looks only at the literals <see cref="SourceLiterals"/> finds from a file's text. It may find more
/// than it needs, never fewer: every string literal whose value the prefilter or the weights test accepts must be
/// among them, however the file writes it (escapes, verbatim, raw, comments and character literals holding quotes,
/// broken code).
/// </summary>
public class SourceLiteralsTests
{
    private const string Manifest = """
        organisation: { name: Acme, commercial: true }
        models:
          - id: acme/house-model-7b
            aliases: [house7b]
            kind: open-weight
            licence: Apache-2.0
            hosting: { mode: self-hosted }
          - id: gpt-4o
            kind: api
            licence: LicenseRef-OpenAI-Services
            hosting: { mode: api, region: us }
        """;

    private static readonly LiteralPrefilter Filter = LiteralPrefilter.For(
        DeclaredModelIndex.From(ComplianceCheck.RunText(Manifest, "/p/models.yaml")), CatalogueLoader.LoadEmbedded());

    private const string Shapes = """"
        #pragma checksum "house7b.onnx" "{ff1816ec-aa5e-4d10-87f7-6f4963833460}" "ab007f1d23d9"
        using System;
        class C
        {
            // a comment with a lone quote: "
            /* "gpt-4o" in a comment */
            char q = '"'; string a = "gpt-4o"; char b = '\"'; string c = "phi-4.onnx";
            string d = "gpt\u002D4o", e = "models\\phi-4.onnx", f = "C:\\m\\x.gguf", g = "\x67pt-4o";
            string h = @"gpt-4o", i = @"C:\models\phi-4.onnx", j = @"say ""gpt-4o"" now", k = @"two
        lines gpt-4o";
            string l = """gpt-4o""", m = """ "gpt-4o" """;
            string n = """
                gpt-4o
                """;
            string o = $"gpt-{1}o", p = $@"{2}gpt-4o", r = "" + "gpt-4o" + "";
            ReadOnlySpan<byte> s => "gpt-4o"u8;
            string t = "  gpt-4o\t", u = "ｇpt-4o", v = "hf.co/acme/house-model-7b", w = "weights/house7b.safetensors";
        #if NEVER
            string x = "gpt-4o";
        #endif
            string y = "claude-3-5-sonnet-latest", z = "us.anthropic.claude-sonnet-4-5-v1:0";
            string broken = "gpt-4o
            ;
            string last = "meta-llama/Llama-3.1-8B-Instruct";
        }
        """";

    [Fact]
    public void EveryLiteralTheRuleWouldCheck_IsFound()
    {
        var missed = Missed(CSharpSyntaxTree.ParseText(Shapes, new CSharpParseOptions(LanguageVersion.Preview)));
        Assert.Empty(missed);
    }

    [Fact]
    public void EachLiteral_IsFoundOnce_InSourceOrder()
    {
        var tree = CSharpSyntaxTree.ParseText(Shapes, new CSharpParseOptions(LanguageVersion.Preview));
        var found = Found(tree);
        Assert.Equal(found.Select(l => l.SpanStart).Distinct().OrderBy(p => p), found.Select(l => l.SpanStart));
        Assert.Contains(found, l => l.Token.ValueText == "say \"gpt-4o\" now");
        Assert.Contains(found, l => l.Token.ValueText == "gpt-4o" && l.Token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken));
    }

    [Fact]
    public void OrdinaryLiterals_AreMostlyNotFound()
    {
        var source = "class C { string[] a = { " +
            string.Join(", ", Enumerable.Range(0, 200).Select(i => $"\"record-{i}\", \"images/icon-{i}.png\", \"https://example.com/{i}\"")) + " }; }";
        Assert.True(Found(CSharpSyntaxTree.ParseText(source)).Count < 12);
    }

    /// <summary>Random files made of the pieces that make quotes hard to pair, parsed as they come (often broken).</summary>
    [Fact]
    public void RandomFiles_EveryLiteralTheRuleWouldCheck_IsFound()
    {
        string[] pieces =
        {
            "\"", "\"\"", "\"\"\"", "@", "$", "'", "'\"'", "\\", "\\\"", "\\\\", "\n", "\r\n", "\u2028", " ", "//", "/*", "*/",
            "#if X\n", "#endif\n", "u8", "{", "}", ";", "x = ", "gpt-4o", "house7b", "phi-4.onnx", "models/", "hf.co/",
            "acme/house-model-7b", "w.gguf", "claude-3-5-sonnet", ".anthropic.claude-x", "record-1", "ｇ", "ſ", "\u212A",
        };
        var random = new Random(20261129);
        var missed = new List<string>();
        for (var file = 0; file < 3000 && missed.Count < 10; file++)
        {
            var text = "class C { string M() => " +
                string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => pieces[random.Next(pieces.Length)])) + "; }";
            foreach (var literal in Missed(CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview))))
                missed.Add($"{literal} in {text}");
        }
        Assert.Empty(missed);
    }

    private static List<LiteralExpressionSyntax> Found(SyntaxTree tree)
    {
        var found = new List<LiteralExpressionSyntax>();
        SourceLiterals.WorthChecking(tree, Filter, found, CancellationToken.None);
        return found;
    }

    /// <summary>The literals the rule would check (the same gate as CodeSession's) that were not found.</summary>
    private static IEnumerable<string> Missed(SyntaxTree tree)
    {
        var found = Found(tree).Select(l => l.SpanStart).ToHashSet();
        return tree.GetRoot().DescendantNodes(descendIntoTrivia: true).OfType<LiteralExpressionSyntax>()
            .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression))
            .Where(l => Filter.MightName(l.Token.ValueText) || ModelFileExtensions.IsModelFilePath(l.Token.ValueText))
            .Where(l => !found.Contains(l.SpanStart))
            .Select(l => $"{l.Token.Text} at {l.SpanStart}");
    }
}
