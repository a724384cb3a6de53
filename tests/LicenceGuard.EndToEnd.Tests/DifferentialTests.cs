using System.Reflection;
using System.Text.Json;

namespace LicenceGuard.EndToEnd.Tests;

/// <summary>
/// One detector: on a real consumer project, `licenceguard scan --format json` lists exactly the model references the
/// build's compiler reported (LG0022 in its SARIF log), and the compliance manifest's code locations are exactly those
/// of them that name a declared model.
/// </summary>
[Collection(PackageCollection.Name)]
public class DifferentialTests
{
    private readonly PackageFixture _fixture;

    public DifferentialTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Scan_EqualsTheBuildsDiagnostics_EqualsTheComplianceManifest()
    {
        var consumer = _fixture.CreateConsumer("differential");
        consumer.WriteProject("""<PackageReference Include="OpenAI" Version="2.15.0" />""");
        consumer.WriteFile("Assistant.cs", """
            using OpenAI.Chat;
            using OpenAI.Embeddings;

            public static class Assistant
            {
                private const string Embedding = "text-embedding-3-small";

                public static ChatClient Chat(string key) => new ChatClient("gpt-4o-mini", key);
                public static EmbeddingClient Embed(string key) => new EmbeddingClient(Embedding, key);
                public static string Fallback => "gpt-4o-mini";
                public static string Elsewhere => "meta-llama/Llama-3.1-8B-Instruct";
                public static string Weights => "models/house-7b.safetensors";
            }
            """);
        consumer.WriteFile("appsettings.json", "{\n  \"AI\": { \"Model\": \"gpt-4o-mini\" }\n}\n");
        consumer.WriteFile("models.yaml", ReviewedOpenAiModels("gpt-4o-mini", "text-embedding-3-small"));

        var build = consumer.Build();
        Assert.True(build.ExitCode == 0, build.Output);

        // The build: the compiler's own record of the analyzer's diagnostics.
        var sarif = consumer.ObjFile("licenceguard/compiler.sarif");
        using var log = JsonDocument.Parse(File.ReadAllText(sarif));
        var built = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("ruleId").GetString() == "LG0022")
            .Select(r =>
            {
                var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                var file = Path.GetRelativePath(consumer.Directory, new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath).Replace('\\', '/');
                var region = location.GetProperty("region");
                var properties = r.GetProperty("properties").GetProperty("customProperties");
                return Key(file, region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), properties.GetProperty("literal").GetString()!,
                    properties.GetProperty("kind").GetString()!, properties.TryGetProperty("declaredModel", out var m) ? m.GetString() : null);
            }).OrderBy(k => k, StringComparer.Ordinal).ToList();

        // The scan, run as a user runs it.
        var cli = typeof(DifferentialTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "Cli").Value!;
        var scan = Dotnet.Run(consumer.Directory, cli, "scan", consumer.ProjectPath, "--format", "json");
        Assert.True(scan.ExitCode == 0, scan.Output);
        var json = scan.Output.Substring(scan.Output.IndexOf('['));
        using var hits = JsonDocument.Parse(json.Substring(0, json.LastIndexOf(']') + 1));
        var scanned = hits.RootElement.EnumerateArray()
            .Select(h => Key(h.GetProperty("file").GetString()!, h.GetProperty("line").GetInt32(), h.GetProperty("column").GetInt32(), h.GetProperty("literal").GetString()!,
                h.GetProperty("kind").GetString()!, null)).OrderBy(k => k, StringComparer.Ordinal).ToList();

        // The compliance manifest the build wrote.
        using var manifest = JsonDocument.Parse(File.ReadAllText(consumer.ObjFile("licenceguard/compliance-manifest.json")));
        var recorded = manifest.RootElement.GetProperty("models").EnumerateArray().SelectMany(m => m.GetProperty("codeLocations").EnumerateArray().Select(l =>
            (Model: m.GetProperty("id").GetString()!, l.GetProperty("file").GetString()!, l.GetProperty("line").GetInt32(), l.GetProperty("column").GetInt32())))
            .OrderBy(k => k.ToString(), StringComparer.Ordinal).ToList();

        // Every shape of the fixture was found, each once, where the model is written: two flows (one through a constant,
        // recorded at the constant's literal), a declared literal, a recognised literal, a weights path and a
        // configuration value.
        Assert.True(built.Count == 6, string.Join("\n", built));
        Assert.Contains("Assistant.cs|6|38|text-embedding-3-small|api-model-id|text-embedding-3-small", built);
        Assert.Equal(built.Select(WithoutModel), scanned);
        var declared = built.Select(b => b.Split('|')).Where(p => p[5].Length > 0)
            .Select(p => (Model: p[5], p[0], int.Parse(p[1]), int.Parse(p[2]))).OrderBy(k => k.ToString(), StringComparer.Ordinal).ToList();
        Assert.Equal(4, declared.Count);
        Assert.Equal(declared, recorded);
    }

    [Fact]
    public void ProjectsOwnErrorLog_IsKept_AndFeedsTheComplianceManifest()
    {
        var consumer = _fixture.CreateConsumer("own-error-log");
        // A relative path without a SARIF version, as projects often set it.
        consumer.WriteProject("""<PackageReference Include="OpenAI" Version="2.15.0" />""", "<ErrorLog>compiler.sarif</ErrorLog>");
        consumer.WriteFile("Assistant.cs", "public static class Assistant { public static OpenAI.Chat.ChatClient Chat(string key) => new OpenAI.Chat.ChatClient(\"gpt-4o-mini\", key); }\n");
        consumer.WriteFile("models.yaml", ReviewedOpenAiModels("gpt-4o-mini"));
        var build = consumer.Build();
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.True(File.Exists(Path.Combine(consumer.Directory, "compiler.sarif")), build.Output);
        Assert.False(File.Exists(consumer.ObjFile("licenceguard/compiler.sarif")));
        using var manifest = JsonDocument.Parse(File.ReadAllText(consumer.ObjFile("licenceguard/compliance-manifest.json")));
        var location = Assert.Single(manifest.RootElement.GetProperty("models")[0].GetProperty("codeLocations").EnumerateArray());
        Assert.Equal(("Assistant.cs", 1, 117), (location.GetProperty("file").GetString(), location.GetProperty("line").GetInt32(), location.GetProperty("column").GetInt32()));
    }

    /// <summary>models.yaml declaring OpenAI models, each reviewed against the catalogue's text hash: a clean build.</summary>
    private string ReviewedOpenAiModels(params string[] ids)
    {
        var sha = CatalogueHashes.Of(_fixture, "LicenseRef-OpenAI-Services");
        return "organisation: { commercial: true, domicile: GB, territories: [GB] }\nmodels:\n" + string.Concat(ids.Select(id =>
            $"  - id: {id}\n    kind: api\n    licence: LicenseRef-OpenAI-Services\n    review: {{ by: a.sharma, on: 2026-11-02, textSha256: \"{sha}\" }}\n    hosting: {{ mode: api, region: us }}\n"));
    }

    private static string Key(string file, int line, int column, string literal, string kind, string? model) => $"{file}|{line}|{column}|{literal}|{kind}|{model}";

    private static string WithoutModel(string key) => key.Substring(0, key.LastIndexOf('|') + 1);
}
