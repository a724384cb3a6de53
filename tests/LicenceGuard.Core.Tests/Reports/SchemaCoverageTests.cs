using System.Text.Json.Nodes;

namespace LicenceGuard.Core.Tests.Reports;

/// <summary>
/// The schema lets later versions add members, so validating alone never notices a member the writer adds without
/// describing it. This walks a manifest with every section beside the schema and names each member the schema does
/// not list; members the schema leaves open (the embedded audit, attestation, memory fit, weights inspection) are not
/// entered.
/// </summary>
public class SchemaCoverageTests
{
    private static readonly string SchemaFile = RepoPaths.Get("rules", "schema", "compliance-manifest.schema.json");

    [Fact]
    public void GeneratedManifest_HasNoMemberTheSchemaDoesNotDescribe()
    {
        var (_, json) = ReportSamples.Build();
        var schema = JsonNode.Parse(File.ReadAllText(SchemaFile))!.AsObject();
        var undescribed = new SortedSet<string>(StringComparer.Ordinal);
        Walk(JsonNode.Parse(json), schema, schema, "$", undescribed);
        Assert.True(undescribed.Count == 0, "members the schema does not describe: " + string.Join(", ", undescribed));
    }

    private static void Walk(JsonNode? value, JsonObject node, JsonObject root, string at, ISet<string> undescribed)
    {
        if (node["$ref"] is JsonValue reference)
        {
            var name = reference.GetValue<string>().Substring("#/$defs/".Length);
            Walk(value, root["$defs"]![name]!.AsObject(), root, at, undescribed);
            return;
        }
        if (node["anyOf"] is JsonArray variants)
        {
            foreach (var variant in variants.OfType<JsonObject>().Where(v => v["$ref"] != null || v["properties"] != null))
                Walk(value, variant, root, at, undescribed);
            return;
        }
        switch (value)
        {
            case JsonObject obj when node["properties"] is JsonObject properties:
                foreach (var (name, member) in obj)
                {
                    // A path without array indexes, so that each member is named once.
                    var path = at + "." + name;
                    if (properties[name] is JsonObject described) Walk(member, described, root, path, undescribed);
                    else undescribed.Add(path);
                }
                break;
            case JsonObject obj when node["additionalProperties"] is JsonObject each:
                foreach (var (_, member) in obj) Walk(member, each, root, at + "[*]", undescribed);
                break;
            case JsonArray array when node["items"] is JsonObject items:
                foreach (var item in array) Walk(item, items, root, at + "[]", undescribed);
                break;
        }
    }
}
