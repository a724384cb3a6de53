using System.Text.Json.Nodes;
using Json.Schema;

namespace LicenceGuard.Core.Tests.Reports;

/// <summary>Validates JSON against a schema file, with the schemas it references registered so that nothing is fetched.</summary>
internal static class SchemaValidation
{
    public static void AssertValid(string json, string schemaFile, params string[] referencedSchemaFiles)
    {
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = false };
        foreach (var file in referencedSchemaFiles) options.SchemaRegistry.Register(JsonSchema.FromFile(file));
        var schema = JsonSchema.FromFile(schemaFile);
        options.SchemaRegistry.Register(schema);
        var result = schema.Evaluate(JsonNode.Parse(json), options);
        if (result.IsValid) return;
        var errors = (result.Details ?? new List<EvaluationResults>())
            .Where(d => d.HasErrors && d.Errors != null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .Take(25);
        Assert.Fail($"JSON does not validate against {Path.GetFileName(schemaFile)}:\n" + string.Join("\n", errors));
    }

    public static string CycloneDx(string file) => RepoPaths.Get("tests", "LicenceGuard.Core.Tests", "TestData", "cyclonedx", file);
}
