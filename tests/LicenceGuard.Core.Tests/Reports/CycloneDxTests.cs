using System.Text.Json;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Reports;

namespace LicenceGuard.Core.Tests.Reports;

public class CycloneDxTests
{
    private static string Bom(bool withDependencies = true) => CycloneDxWriter.Generate(ReportSamples.Document(withDependencies));

    private static void AssertValidBom(string bom) =>
        SchemaValidation.AssertValid(bom, SchemaValidation.CycloneDx("bom-1.6.schema.json"),
            SchemaValidation.CycloneDx("spdx.schema.json"), SchemaValidation.CycloneDx("jsf-0.82.schema.json"));

    [Fact]
    public void MlBom_WithModelsAndNuGetDependencies_ValidatesAgainstTheOfficialSchema() => AssertValidBom(Bom());

    [Fact]
    public void MlBom_WithoutDependencySection_ValidatesAndListsOnlyModels()
    {
        var bom = Bom(withDependencies: false);
        AssertValidBom(bom);
        using var doc = JsonDocument.Parse(bom);
        Assert.All(doc.RootElement.GetProperty("components").EnumerateArray(), c => Assert.Equal("machine-learning-model", c.GetProperty("type").GetString()));
    }

    [Fact]
    public void RealCatalogueLicences_SpdxIdOrName_ValidateAgainstTheOfficialSchema()
    {
        // MIT is on the SPDX list (license.id); a LicenseRef licence must be written by name or the schema rejects it.
        using var dependencies = JsonDocument.Parse("""[ { "name": "Odd.Package" }, { "id": "Lic.Object", "version": "2.0.0", "license": { "expression": "MIT OR Apache-2.0" } } ]""");
        var manifest = new ComplianceDocument
        {
            Tool = "LicenceGuard 0.1.0",
            Summary = new SummaryRecord { Verdict = Verdict.Pass },
            Licences =
            {
                ["MIT"] = new LicenceTerms { Id = "MIT", Name = "MIT License", Sources = { "https://opensource.org/license/mit" } },
                ["LicenseRef-Llama-3.1-Community"] = new LicenceTerms { Id = "LicenseRef-Llama-3.1-Community", Name = "Llama 3.1 Community License Agreement" },
                ["Apache-2.0"] = new LicenceTerms { Id = "Apache-2.0", Name = "Own terms", Overrides = { new LicenceFileOverride { Added = true } } },
            },
            Models =
            {
                new ModelRecord { Id = "deepseek-ai/DeepSeek-R1", Licence = "MIT" },
                new ModelRecord { Id = "meta-llama/Llama-3.1-8B-Instruct", Licence = "LicenseRef-Llama-3.1-Community" },
                new ModelRecord { Id = "org/Own-Model", Licence = "Apache-2.0" },
            },
            Dependencies = dependencies.RootElement.Clone(),
        };
        var bom = CycloneDxWriter.Generate(manifest);
        AssertValidBom(bom);
        using var parsed = JsonDocument.Parse(bom);
        var licences = parsed.RootElement.GetProperty("components").EnumerateArray().Take(3).Select(c => c.GetProperty("licenses")[0].GetProperty("license")).ToList();
        Assert.Equal("MIT", licences[0].GetProperty("id").GetString());
        Assert.Contains("LicenseRef-Llama-3.1-Community", licences[1].GetProperty("name").GetString());
        Assert.False(licences[2].TryGetProperty("id", out _), "an organisation's own licence is not an SPDX licence, whatever its ID");
        Assert.Equal(5, parsed.RootElement.GetProperty("components").GetArrayLength());
    }

    [Fact]
    public void ModelComponent_CarriesLicenceWeightsHashModelCardAndFacts()
    {
        using var doc = JsonDocument.Parse(Bom());
        var model = doc.RootElement.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "test/Model-8B");
        Assert.Equal("machine-learning-model", model.GetProperty("type").GetString());
        Assert.Equal(ReportSamples.WeightsSha, model.GetProperty("hashes")[0].GetProperty("content").GetString());
        Assert.Equal("SHA-256", model.GetProperty("hashes")[0].GetProperty("alg").GetString());
        Assert.Contains("LicenseRef-Test-Community", model.GetProperty("licenses")[0].GetProperty("license").GetProperty("name").GetString());
        var card = model.GetProperty("modelCard");
        Assert.Equal("MedQA", card.GetProperty("modelParameters").GetProperty("datasets")[0].GetProperty("name").GetString());
        Assert.Equal("0.71", card.GetProperty("quantitativeAnalysis").GetProperty("performanceMetrics")[0].GetProperty("value").GetString());
        var props = model.GetProperty("properties").EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("value").GetString())).ToList();
        Assert.Contains(("licenceguard:review.by", "a.sharma"), props);
        Assert.Contains(("licenceguard:hosting", "self-hosted:in-south"), props);
        Assert.Contains(props, p => p.Item1 == "licenceguard:threshold.monthly-active-users" && p.Item2!.StartsWith("near", StringComparison.Ordinal));

        var package = doc.RootElement.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Newtonsoft.Json");
        Assert.Equal("pkg:nuget/Newtonsoft.Json@13.0.3", package.GetProperty("purl").GetString());
        Assert.Equal("MIT", package.GetProperty("licenses")[0].GetProperty("expression").GetString());
    }

    [Fact]
    public void SameManifest_SameBom_SoUnchangedBuildsWriteNothing()
    {
        var (_, json) = ReportSamples.Build();
        Assert.Equal(CycloneDxWriter.Generate(ComplianceJson.Parse(json)), CycloneDxWriter.Generate(ComplianceJson.Parse(json)));
    }

    [Fact]
    public void BomWithUnknownSpdxId_DoesNotValidate_SoTheReferencedSchemasResolve()
    {
        var bom = Bom(withDependencies: false);
        Assert.ThrowsAny<Exception>(() => AssertValidBom(bom.Replace("\"type\": \"machine-learning-model\"", "\"type\": \"banana\"")));
        var withSpdx = """{ "bomFormat": "CycloneDX", "specVersion": "1.6", "components": [ { "type": "library", "name": "x", "licenses": [ { "license": { "id": "MIT" } } ] } ] }""";
        AssertValidBom(withSpdx);
        Assert.ThrowsAny<Exception>(() => AssertValidBom(withSpdx.Replace("\"MIT\"", "\"Not-A-Licence\"")));
    }
}
