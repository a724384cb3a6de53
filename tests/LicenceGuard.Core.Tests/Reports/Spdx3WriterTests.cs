using System.Text.Json;
using LicenceGuard.Core.Reports;

namespace LicenceGuard.Core.Tests.Reports;

public class Spdx3WriterTests
{
    private static readonly DateTime Created = new(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);

    private static string Official => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "schemas", "spdx3", "spdx-json-schema-3.0.1.json"));

    private static (string Json, JsonDocument Doc) Document()
    {
        var spdx = Spdx3Writer.Generate(ReportSamples.Document(), Created);
        return (spdx, JsonDocument.Parse(spdx));
    }

    private static List<JsonElement> Graph(JsonDocument doc) => doc.RootElement.GetProperty("@graph").EnumerateArray().ToList();

    [Fact]
    public void Document_ValidatesAgainstTheOfficialSpdx301Schema()
    {
        Assert.True(File.Exists(Official), "the official SPDX 3.0.1 schema is expected at " + Official);
        var (json, doc) = Document();
        using (doc) SchemaValidation.AssertValid(json, Official);
    }

    [Fact]
    public void TheSchemaCheck_RejectsAnInvalidDocument()
    {
        var (json, doc) = Document();
        doc.Dispose();
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => SchemaValidation.AssertValid(json.Replace("\"software_primaryPurpose\": \"model\"", "\"software_primaryPurpose\": \"weights\""), Official));
    }

    [Fact]
    public void EveryAIPackage_HasExactlyOneConcludedAndOneDeclaredLicence()
    {
        var (_, doc) = Document();
        using (doc)
        {
            var graph = Graph(doc);
            var packages = graph.Where(e => e.GetProperty("type").GetString() is "ai_AIPackage" or "software_Package").ToList();
            Assert.Equal(2, packages.Count(p => p.GetProperty("type").GetString() == "ai_AIPackage"));
            var relationships = graph.Where(e => e.GetProperty("type").GetString() == "Relationship").ToList();
            var ids = new HashSet<string>(graph.Where(e => e.TryGetProperty("spdxId", out _)).Select(e => e.GetProperty("spdxId").GetString()!));
            foreach (var p in packages)
            {
                var id = p.GetProperty("spdxId").GetString();
                foreach (var type in new[] { "hasConcludedLicense", "hasDeclaredLicense" })
                {
                    var r = Assert.Single(relationships, r => r.GetProperty("from").GetString() == id && r.GetProperty("relationshipType").GetString() == type);
                    var to = r.GetProperty("to")[0].GetString()!;
                    Assert.True(ids.Contains(to) || to.StartsWith("https://spdx.org/rdf/3.0.1/terms/", StringComparison.Ordinal), to + " is an element of the document or an SPDX individual");
                }
            }
            // Every element reference resolves inside the document.
            var document = graph.Single(e => e.GetProperty("type").GetString() == "SpdxDocument");
            foreach (var element in document.GetProperty("element").EnumerateArray()) Assert.Contains(element.GetString()!, ids);
        }
    }

    [Fact]
    public void AIPackage_CarriesSupplierHashesLimitsAndSensitiveData_FromTheManifest()
    {
        var (_, doc) = Document();
        using (doc)
        {
            var graph = Graph(doc);
            var model = graph.Single(e => e.GetProperty("type").GetString() == "ai_AIPackage" && e.GetProperty("name").GetString() == "test/Model-8B");
            Assert.Equal("model", model.GetProperty("software_primaryPurpose").GetString());
            Assert.Equal("v2", model.GetProperty("software_packageVersion").GetString());
            Assert.Equal(ReportSamples.WeightsSha, model.GetProperty("verifiedUsing")[0].GetProperty("hashValue").GetString());
            Assert.Equal("yes", model.GetProperty("ai_useSensitivePersonalInformation").GetString());
            var concluded = graph.Single(e => e.GetProperty("type").GetString() == "Relationship" && e.GetProperty("from").GetString() == model.GetProperty("spdxId").GetString()
                && e.GetProperty("relationshipType").GetString() == "hasConcludedLicense").GetProperty("to")[0].GetString();
            Assert.Equal("LicenseRef-Test-Community", graph.Single(e => e.TryGetProperty("spdxId", out var s) && s.GetString() == concluded).GetProperty("simplelicensing_licenseExpression").GetString());
            Assert.Contains(graph, e => e.GetProperty("type").GetString() == "dataset_DatasetPackage" && e.GetProperty("name").GetString() == "MedQA");
            Assert.Contains(graph, e => e.GetProperty("type").GetString() == "Relationship" && e.GetProperty("relationshipType").GetString() == "testedOn");
            Assert.Contains(graph, e => e.GetProperty("type").GetString() == "software_Package" && e.GetProperty("name").GetString() == "Newtonsoft.Json");
        }
    }

    [Fact]
    public void SameManifest_SameDocument()
    {
        Assert.Equal(Document().Json, Document().Json);
    }
}
