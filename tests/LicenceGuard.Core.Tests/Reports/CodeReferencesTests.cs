using System.Text.Json;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Output;

namespace LicenceGuard.Core.Tests.Reports;

/// <summary>The analyzer's LG0022 records, read from a compiler's SARIF log, complete the compliance manifest's codeLocations.</summary>
public class CodeReferencesTests
{
    // The shape csc 5 writes with /errorlog:file,version=2.1 (taken from a real build's log, trimmed to LicenceGuard's results).
    private const string Sarif21 = """
        { "$schema": "http://json.schemastore.org/sarif-2.1.0", "version": "2.1.0", "runs": [ { "results": [
          { "ruleId": "LG0022", "ruleIndex": 325, "level": "note", "message": { "text": "Model reference 'gpt-4o-mini' (api-model-id, new ChatClient(model))" },
            "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "file:///work/app/Program.cs" }, "region": { "startLine": 2, "startColumn": 24, "endLine": 2, "endColumn": 37 } } } ],
            "properties": { "warningLevel": 1, "customProperties": { "api": "new ChatClient(model)", "declaredModel": "gpt-4o-mini", "kind": "api-model-id", "literal": "gpt-4o-mini" } } },
          { "ruleId": "LG0022", "level": "note", "message": { "text": "Model reference 'meta-llama/Llama-3.1-8B-Instruct' (literal)" },
            "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "file:///work/app/Program.cs" }, "region": { "startLine": 3, "startColumn": 9 } } } ],
            "properties": { "customProperties": { "kind": "literal", "literal": "meta-llama/Llama-3.1-8B-Instruct" } } },
          { "ruleId": "LG0022", "level": "note", "message": { "text": "Model reference 'gpt-4o-mini' (config-value, Ai:Model)" },
            "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "file:///work/app/config/appsettings.json" }, "region": { "startLine": 1, "startColumn": 20 } } } ],
            "properties": { "customProperties": { "api": "Ai:Model", "declaredModel": "gpt-4o-mini", "kind": "config-value", "literal": "gpt-4o-mini" } } },
          { "ruleId": "LG0001", "level": "error", "message": { "text": "…" },
            "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "file:///work/app/Program.cs" }, "region": { "startLine": 9, "startColumn": 1 } } } ],
            "properties": { "customProperties": { "declaredModel": "not-a-record" } } } ] } ] }
        """;

    [Fact]
    public void FromSarif_DeclaredModelsReferences_RelativeToModelsYaml()
    {
        var found = CodeReferences.FromSarif(Sarif21, "/work/app");
        var only = Assert.Single(found);
        Assert.Equal("gpt-4o-mini", only.Key);
        Assert.Equal(new[] { ("Program.cs", 2, 24, "api-model-id", "new ChatClient(model)"), ("config/appsettings.json", 1, 20, "config-value", "Ai:Model") },
            only.Value.Select(l => (l.File, l.Line, l.Column, l.Kind!, l.Api!)).ToArray());
    }

    [Fact]
    public void Into_ReplacesEachModelsCodeLocations()
    {
        var manifest = new ComplianceDocument
        {
            Tool = "LicenceGuard 0.1.0",
            Models = { new ModelRecord { Id = "gpt-4o-mini", CodeLocations = { new CodeLocation("old.cs", 1, 1) } }, new ModelRecord { Id = "other" } },
        };
        var completed = CodeReferences.Into(manifest, CodeReferences.FromSarif(Sarif21, "/work/app"));
        var models = completed.Models;
        Assert.Equal(new[] { "Program.cs", "config/appsettings.json" }, models[0].CodeLocations.Select(l => l.File).ToArray());
        Assert.Empty(models[1].CodeLocations);
        // The rest of the manifest is kept as it was.
        Assert.Equal("LicenceGuard 0.1.0", completed.Tool);
    }

    [Fact]
    public void Into_TheGatesManifest_IsByteForByteTheManifestWrittenWithTheLocations()
    {
        // The build writes the manifest in two steps (the gate, then the code references after the compiler), the CLI in
        // one: with the same inputs, the embedded attestation and dependency report included, the bytes are the same.
        var (_, withCode) = ReportSamples.Build();
        var (_, gate) = ReportSamples.Build(withCode: false);
        Assert.NotEqual(withCode, gate);
        Assert.Equal(withCode, ComplianceJson.ToJson(CodeReferences.Into(ComplianceJson.Parse(gate), ReportSamples.Code())));
    }

    [Fact]
    public void FromSarif_NotJson_Throws() =>
        Assert.ThrowsAny<JsonException>(() => CodeReferences.FromSarif("not json", "/"));
}
