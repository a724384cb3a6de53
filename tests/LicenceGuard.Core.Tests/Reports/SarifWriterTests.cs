using System.Text.Json;
using System.Text.Json.Nodes;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Policy;
using LicenceGuard.Core.Reports;

namespace LicenceGuard.Core.Tests.Reports;

public class SarifWriterTests
{
    /// <summary>The official OASIS schema (../shared/schemas/sarif). It is draft-04; the validator speaks draft-06 and
    /// later, where the only keyword this schema uses differently is the root's "id" (now "$id").</summary>
    internal static void AssertValidSarif(string sarif)
    {
        var official = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "schemas", "sarif", "sarif-schema-2.1.0.json"));
        Assert.True(File.Exists(official), "the official SARIF schema is expected at " + official);
        var schema = JsonNode.Parse(File.ReadAllText(official))!.AsObject();
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        schema["$id"] = schema["id"]!.GetValue<string>();
        schema.Remove("id");
        var adapted = Path.Combine(Path.GetTempPath(), "lg-sarif-schema-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(adapted, schema.ToJsonString());
        try { SchemaValidation.AssertValid(sarif, adapted); }
        finally { File.Delete(adapted); }
    }

    [Fact]
    public void Append_TheFindingsKnownAfterTheCompiler_IsTheLogOfAllTheFindingsAtOnce()
    {
        const string help = "https://docs.example.com/lg/";
        var (result, _) = ReportSamples.Build();
        // The first rule (by ID) comes only with the later findings, so every result of the first log is renumbered.
        var firstId = result.Findings.Select(f => f.Id).Min(StringComparer.Ordinal)!;
        var gate = result.Findings.Where(f => f.Id != firstId).ToList();
        var drift = new Finding(DiagnosticIds.DriftFromApproved, Severity.Warning, "model 'test/Model-8B' is now used in Chat.cs, where it was not when approved",
            new SourceLocation("/work/app/Chat.cs", 1, 25), "test/Model-8B");
        var later = result.Findings.Where(f => f.Id == firstId).Append(drift).ToList();
        Assert.NotEmpty(gate);

        var appended = SarifWriter.Append(SarifWriter.Generate(gate, help), later, help);
        Assert.Equal(SarifWriter.Generate(gate.Concat(later).ToList(), help), appended);
        Assert.Equal(SarifWriter.Generate(gate, help), SarifWriter.Append(SarifWriter.Generate(gate, help), Array.Empty<Finding>(), help));
        AssertValidSarif(appended);
    }

    [Fact]
    public void Findings_AreAValidSarifLog_WithRulesRegionsAndWaiversAsSuppressions()
    {
        var (result, _) = ReportSamples.Build();
        var sarif = SarifWriter.Generate(result.Findings, "https://docs.example.com/lg/");
        AssertValidSarif(sarif);

        using var doc = JsonDocument.Parse(sarif);
        var run = doc.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(result.Findings.Count, results.Count);
        Assert.Equal(result.Findings.Select(f => f.Id).Distinct().OrderBy(x => x, StringComparer.Ordinal), rules.Select(r => r.GetProperty("id").GetString()));

        var waived = result.Findings.Single(f => f.IsWaived);
        var waivedResult = results.Single(r => r.TryGetProperty("suppressions", out _));
        Assert.Equal(waived.Id, waivedResult.GetProperty("ruleId").GetString());
        Assert.Equal("accepted", waivedResult.GetProperty("suppressions")[0].GetProperty("status").GetString());
        Assert.Contains("DPA signed", waivedResult.GetProperty("suppressions")[0].GetProperty("justification").GetString());

        foreach (var (finding, r) in result.Findings.Zip(results))
        {
            Assert.Equal(finding.Id, rules[r.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Equal(finding.Message, r.GetProperty("message").GetProperty("text").GetString());
            if (finding.Location.IsNone) continue;
            var region = r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
            Assert.Equal(finding.Location.Line, region.GetProperty("startLine").GetInt32());
            Assert.EndsWith("/models.yaml", r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        }
        var rule = rules.First();
        Assert.StartsWith("# " + rule.GetProperty("id").GetString(), rule.GetProperty("help").GetProperty("markdown").GetString());
        Assert.Equal("https://docs.example.com/lg/" + rule.GetProperty("id").GetString() + ".md", rule.GetProperty("helpUri").GetString());
    }

    [Fact]
    public void NoFindings_IsAValidEmptyRun()
    {
        var sarif = SarifWriter.Generate(Array.Empty<Policy.Finding>());
        AssertValidSarif(sarif);
        Assert.Equal(0, JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void TheSchemaCheck_RejectsAnInvalidLog()
    {
        var invalid = SarifWriter.Generate(Array.Empty<Policy.Finding>()).Replace("\"results\": []", "\"results\": [ { \"level\": \"fatal\", \"message\": {} } ]");
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertValidSarif(invalid));
    }
}
