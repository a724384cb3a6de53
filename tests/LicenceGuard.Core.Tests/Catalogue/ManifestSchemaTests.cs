using System.Globalization;
using System.Text.Json.Nodes;
using Json.Schema;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.Tests.Catalogue;

/// <summary>The published JSON Schema for models.yaml accepts the bundled sample and rejects what the reader rejects.</summary>
public class ManifestSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(RulesFolder.Root, "schema", "models.schema.json"));

    private static EvaluationResults Validate(string yaml)
    {
        var node = YamlTreeReader.ReadText(yaml, "models.yaml", out var error);
        Assert.Null(error);
        return Schema.Evaluate(ToJson(node), new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    [Fact]
    public void BundledSample_IsValid_DoesNotTrigger()
    {
        var sample = File.ReadAllText(Path.Combine(RulesFolder.Root, "..", "samples", "HealthAssistant", "models.yaml"));
        var result = Validate(sample);
        Assert.True(result.IsValid, string.Join("\n", result.Details.Where(d => d.Errors != null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Theory]
    [InlineData("organisation: { commercial: true }\nmodels:\n  - id: x\n    licnce: MIT\n")]
    [InlineData("organisation: { commercial: true, domicile: Britain }\nmodels: []\n")]
    [InlineData("organisation: { commercial: true }\nmodels:\n  - id: x\n    kind: local\n")]
    [InlineData("organisation: { commercial: true }\nmodels: []\nwaivers:\n  - { rule: LG1008, reason: r, approver: a }\n")]
    public void InvalidManifest_Triggers(string yaml) => Assert.False(Validate(yaml).IsValid);

    /// <summary>YAML to JSON as an editor's YAML language server reads it: plain scalars become numbers and booleans.</summary>
    private static JsonNode? ToJson(YNode? node) => node switch
    {
        null => null,
        YMapping m => new JsonObject(m.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ToJson(e.Value)))),
        YSequence s => new JsonArray(s.Items.Select(ToJson).ToArray()),
        YScalar { IsNull: true } => null,
        YScalar { Quoted: true } q => JsonValue.Create(q.Value),
        YScalar p when p.Value is "true" or "false" => JsonValue.Create(p.Value == "true"),
        YScalar p when decimal.TryParse(p.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        YScalar p => JsonValue.Create(p.Value),
        _ => null,
    };
}
