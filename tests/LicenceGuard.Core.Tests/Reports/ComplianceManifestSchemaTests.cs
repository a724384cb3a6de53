using System.Text.Json;
using LicenceGuard.Core.Approval;
using LicenceGuard.Core.Document;

namespace LicenceGuard.Core.Tests.Reports;

public class ComplianceManifestSchemaTests
{
    private static readonly string Schema = RepoPaths.Get("rules", "schema", "compliance-manifest.schema.json");

    [Fact]
    public void GeneratedManifest_WithEverySection_ValidatesAgainstTheSchema()
    {
        var (_, json) = ReportSamples.Build();
        SchemaValidation.AssertValid(json, Schema);
    }

    [Fact]
    public void ApprovalLock_ValidatesAgainstTheSchema()
    {
        var (_, json) = ReportSamples.Build(withDependencies: false);
        SchemaValidation.AssertValid(ApprovalLock.Create(ComplianceJson.Parse(json), "c.officer", Eval.Today), Schema);
    }

    [Fact]
    public void ManifestWithBrokenFinding_DoesNotValidate_SoTheSchemaChecksSomething()
    {
        var (_, json) = ReportSamples.Build();
        var broken = json.Replace("\"severity\": \"warning\"", "\"severity\": \"loud\"");
        Assert.NotEqual(json, broken);
        Assert.ThrowsAny<Exception>(() => SchemaValidation.AssertValid(broken, Schema));
    }

    [Fact]
    public void GeneratedManifest_CarriesCodeLocationsAttestationAndWaivedFindings()
    {
        var (_, json) = ReportSamples.Build();
        using var doc = JsonDocument.Parse(json);
        var models = doc.RootElement.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!);
        var local = models["test/Model-8B"];
        var locations = local.GetProperty("codeLocations").EnumerateArray().Select(l => (l.GetProperty("file").GetString(), l.GetProperty("line").GetInt32(), l.GetProperty("column").GetInt32(), l.GetProperty("kind").GetString())).ToList();
        Assert.Contains(("Chat.cs", 1, 25, "literal"), locations);
        Assert.Contains(("Chat.cs", 1, 53, "local-model-path"), locations);
        Assert.Equal("passed", local.GetProperty("hardwareAttestation").GetProperty("result").GetString());
        var api = models["test/K2-Instruct"];
        Assert.Equal(("appsettings.json", 2, 20), (api.GetProperty("codeLocations")[0].GetProperty("file").GetString(), api.GetProperty("codeLocations")[0].GetProperty("line").GetInt32(), api.GetProperty("codeLocations")[0].GetProperty("column").GetInt32()));
        // Each finding is written once, naming its model.
        Assert.False(api.TryGetProperty("findings", out _));
        var waived = doc.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("model").GetString() == "test/K2-Instruct" && f.GetProperty("waived").GetBoolean());
        Assert.Equal("c.officer", waived.GetProperty("waiver").GetProperty("approver").GetString());
    }
}
