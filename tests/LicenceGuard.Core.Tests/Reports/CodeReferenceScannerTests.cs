using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Output;

namespace LicenceGuard.Core.Tests.Reports;

public class CodeReferenceScannerTests
{
    [Fact]
    public void CSharpLexer_FindsPlainLiterals_WithPositions_SkipsCommentsAndInterpolation()
    {
        var code = string.Join("\n",
            "// \"commented/Model\" is not code",
            "var a = \"test/Model-8B\"; /* \"block/Model\" */ var c = 'x'; var q = '\"';",
            "var b = @\"C:\\models\\model-8b.onnx\";",
            "var i = $\"{prefix}/Model-8B {\"inner/Lit\"}\";",
            "var r = \"\"\"raw/Model\"\"\";",
            "var e = \"esc\\\"aped\";");
        var literals = StringLexer.CSharpStrings(code);
        Assert.Contains(literals, l => l.Value == "test/Model-8B" && l.Line == 2 && l.Column == 9);
        Assert.Contains(literals, l => l.Value == "C:\\models\\model-8b.onnx" && l.Line == 3);
        Assert.Contains(literals, l => l.Value == "inner/Lit" && l.Line == 4);
        Assert.Contains(literals, l => l.Value == "raw/Model" && l.Line == 5);
        Assert.Contains(literals, l => l.Value == "esc\"aped");
        Assert.DoesNotContain(literals, l => l.Value.Contains("commented") || l.Value.Contains("block") || l.Value.Contains("prefix"));
    }

    [Fact]
    public void Scanner_DeclaredIdAliasAndWeightsFile_Trigger_OtherStrings_DoNotTrigger()
    {
        var read = ManifestReader.ReadText("""
            organisation: { name: X, commercial: true }
            models:
              - id: test/Model-8B
                aliases: ["testmodel:8b"]
                weights: [{ path: models/model-8b.onnx }]
            """, "/repo/models.yaml");
        var dir = Path.Combine(Path.GetTempPath(), "lg-scan-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "src"));
        try
        {
            var cs = Path.Combine(dir, "src", "A.cs");
            File.WriteAllText(cs, "class A {\n  string a = \"TESTMODEL:8B\";\n  string b = \"bin/model-8b.onnx\";\n  string c = \"test/Model-8B-Other\";\n}\n");
            var json = Path.Combine(dir, "appsettings.Development.json");
            File.WriteAllText(json, "{ \"Model\": \"test/Model-8B\", \"test/Model-8B\": 1 }");
            var found = new SortedDictionary<string, List<CodeLocation>>(StringComparer.Ordinal);
            new CodeReferenceScanner(read.Manifest!.Models).Scan(new[] { cs, json, Path.Combine(dir, "missing.cs") }, dir, found);
            var locations = found["test/Model-8B"].Select(l => (l.File, l.Line, l.Column, l.Kind)).ToList();
            Assert.Equal(new[]
            {
                ("appsettings.Development.json", 1, 12, "config-value"),
                ("appsettings.Development.json", 1, 29, "config-value"),
                ("src/A.cs", 2, 14, "literal"),
                ("src/A.cs", 3, 14, "local-model-path"),
            }, locations.Select(l => (l.File, l.Line, l.Column, l.Kind!)).ToArray());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void CSharpLexer_UnterminatedInput_DoesNotHangOrThrow()
    {
        foreach (var text in new[] { "\"open", "@\"open", "$\"{open", "\"\"\"raw", "/* open", "'", "$$\"\"\"{{x" })
            Assert.NotNull(StringLexer.CSharpStrings(text));
    }
}
