using System.Text.Json;
using LicenceGuard.Cli.Commands;

namespace LicenceGuard.Analyzers.Tests;

/// <summary>`licenceguard scan` and `init` over folders of code: by symbol where a project was restored, by name where not.</summary>
public sealed class ScanCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "lg-scan-" + Guid.NewGuid().ToString("N"));

    public ScanCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void LooseFiles_WithoutPackages_FindsWhatTheAnalyzerFindsWithTheFrameworkAlone()
    {
        // No packages, so the calls do not bind: the analyzer (as in a build without them) matches them by the member and
        // argument names of rules/sdk-apis.yaml, and still ignores a string that only looks like a model name.
        Write("tools/Tool.cs", """
            class Tool
            {
                void M()
                {
                    var chat = new ChatClient("gpt-4o-mini", "key");
                    var session = new InferenceSession(modelPath: "models/phi-4-mini.onnx");
                    var logo = "images/gpt-4o.png";
                }
            }
            """);
        Assert.True(ScanCommand.TryScan(_dir, out var hits, out _));
        Assert.Collection(hits,
            h => { Assert.Equal(("tools/Tool.cs", 5, 35, "gpt-4o-mini", "api-model-id", "new ChatClient(model)"), (h.File, h.Line, h.Column, h.Literal, h.Kind, h.Api)); },
            h => { Assert.Equal(("models/phi-4-mini.onnx", "local-model-path", "new InferenceSession(modelPath)"), (h.Literal, h.Kind, h.Api)); });
    }

    [Fact]
    public void RestoredProject_FindsConstantFlowsBySymbol()
    {
        Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Write("App/obj/project.assets.json", AssetsFor(("OpenAI", "2.15.0", "lib/net8.0/OpenAI.dll"), ("System.ClientModel", "1.16.0", "lib/net8.0/System.ClientModel.dll")));
        Write("App/Program.cs", """
            using OpenAI;
            static class P
            {
                const string Model = "my-" + "fine-tune";
                static void M(OpenAIClient client) => client.GetChatClient(Model);
            }
            """);
        Assert.True(ScanCommand.TryScan(Path.Combine(_dir, "App", "App.csproj"), out var hits, out _));
        var hit = Assert.Single(hits);
        // Reported where the model is written (the constant), with the way it reached the model parameter.
        Assert.Equal(("Program.cs", 4, 26, "my-fine-tune", "api-model-id"), (hit.File, hit.Line, hit.Column, hit.Literal, hit.Kind));
        Assert.StartsWith("OpenAIClient.GetChatClient(model) via const P.Model", hit.Api);
    }

    [Fact]
    public void AppSettings_ModelKeys_AreConfigValues()
    {
        Write("appsettings.Production.json", "{\n  \"AI\": { \"EmbeddingModel\": \"text-embedding-3-small\", \"Name\": \"gpt-4o\" }\n}\n");
        Assert.True(ScanCommand.TryScan(_dir, out var hits, out _));
        var hit = Assert.Single(hits);
        Assert.Equal(("appsettings.Production.json", 2, 29, "text-embedding-3-small", "config-value", "AI:EmbeddingModel"), (hit.File, hit.Line, hit.Column, hit.Literal, hit.Kind, hit.Api));
    }

    [Fact]
    public void ScanJson_WritesArrayWithRequiredFields()
    {
        Write("A.cs", "class A { object M() => new ChatClient(\"gpt-4.1\", \"k\"); }");
        var (code, output) = RunCli("scan", _dir, "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var item = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal("A.cs", item.GetProperty("file").GetString());
        Assert.Equal(1, item.GetProperty("line").GetInt32());
        Assert.Equal(40, item.GetProperty("column").GetInt32());
        Assert.Equal("gpt-4.1", item.GetProperty("literal").GetString());
        // A loose file without its package: the call does not bind, and is matched by its member and argument names.
        Assert.Equal("api-model-id", item.GetProperty("kind").GetString());
        Assert.Equal("new ChatClient(model)", item.GetProperty("api").GetString());
    }

    [Fact]
    public void Scan_MissingPath_ExitsWithBadInput()
    {
        var (code, _) = RunCli("scan", Path.Combine(_dir, "missing"));
        Assert.Equal(2, code);
    }

    [Fact]
    public void Init_DraftsClassifiedModelsAndNeverOverwritesWithoutForce()
    {
        Write("A.cs", "class A { object M() => new ChatClient(\"gpt-4o-mini\", \"k\"); string N() => \"claude-sonnet-4-5\"; }");
        Assert.Equal(0, RunCli("init", _dir).Code);
        var path = Path.Combine(_dir, "models.yaml");
        var read = LicenceGuard.Core.Manifest.ManifestReader.ReadFile(path);
        Assert.Equal(new[] { "gpt-4o-mini", "claude-sonnet-4-5" }, read.Manifest!.Models.Select(m => m.Id.Value));
        Assert.Equal("LicenseRef-OpenAI-Services", read.Manifest.Models[0].Licence!.Value);
        Assert.Equal("api", read.Manifest.Models[1].Kind!.Value);
        Assert.Equal("api", read.Manifest.Models[0].Hosting!.Mode!.Value);
        Assert.Null(read.Manifest.Models[0].Review!.By);
        Assert.Contains("# used at A.cs:1 (new ChatClient(model))", File.ReadAllText(path));
        // The organisation's figures are placeholders that fail, each at its own line, until a person fills them in.
        var lines = File.ReadAllLines(path);
        foreach (var key in new[] { "commercial", "annualRevenue", "monthlyActiveUsers", "domicile", "territories" })
        {
            var line = Array.FindIndex(lines, l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal)) + 1;
            Assert.Contains(read.Findings, f => f.Id == "LG1002" && f.Location.Line == line);
        }

        File.AppendAllText(path, "# a person's edits\n");
        Assert.Equal(2, RunCli("init", _dir).Code);
        Assert.EndsWith("# a person's edits\n", File.ReadAllText(path));
        Assert.Equal(0, RunCli("init", _dir, "--force").Code);
        Assert.DoesNotContain("a person's edits", File.ReadAllText(path));
    }

    [Fact]
    public void Init_AnAzureDeployment_IsDraftedWithItsProvider_AndALocalModelAsSelfHosted()
    {
        Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Write("App/obj/project.assets.json", AssetsFor(("OpenAI", "2.15.0", "lib/net8.0/OpenAI.dll"), ("System.ClientModel", "1.16.0", "lib/net8.0/System.ClientModel.dll")));
        Write("App/Program.cs", """
            using OpenAI;
            static class P
            {
                static void M(OpenAIClient client) => client.GetChatClient("gpt-4o-mini");
            }
            class AzureOpenAIClient : OpenAIClient { }
            class InferenceSession { public InferenceSession(string modelPath) { } }
            static class Q { static object L() => new InferenceSession("models/phi-4-mini.onnx"); }
            """);
        Assert.Equal(0, RunCli("init", Path.Combine(_dir, "App", "App.csproj")).Code);
        var read = LicenceGuard.Core.Manifest.ManifestReader.ReadFile(Path.Combine(_dir, "App", "models.yaml"));
        var onnx = read.Manifest!.Models.Single(m => m.Id.Value == "models/phi-4-mini.onnx");
        Assert.Equal("self-hosted", onnx.Hosting!.Mode!.Value);
    }

    [Fact]
    public void CheckProject_RecordsThatProjectsReferences_RelativeToModelsYaml_AsItsBuildDoes()
    {
        // One models.yaml above two projects: each project's build records its own references, so does check --project.
        Write("models.yaml", "organisation: { commercial: true }\nmodels:\n  - { id: gpt-4o-mini, licence: LicenseRef-OpenAI-Services, hosting: { mode: api } }\n");
        Write("Web/Web.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Write("Web/Chat.cs", "static class Chat { const string Model = \"gpt-4o-mini\"; }\n");
        Write("Worker/Worker.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Write("Worker/Batch.cs", "static class Batch { const string Model = \"gpt-4o-mini\"; }\n");
        var manifest = Path.Combine(_dir, "models.yaml");

        var web = ScanCommand.CodeLocations(Path.Combine(_dir, "Web", "Web.csproj"), _dir);
        Assert.Equal(new[] { "Web/Chat.cs" }, web["gpt-4o-mini"].Select(l => l.File));
        Assert.Equal(new[] { "Web/Chat.cs", "Worker/Batch.cs" }, ScanCommand.CodeLocations(_dir)["gpt-4o-mini"].Select(l => l.File));

        var output = Path.Combine(_dir, "web.compliance-manifest.json");
        var (code, _) = RunCli("check", "--manifest", manifest, "--today", "2026-11-29", "--project", Path.Combine(_dir, "Web", "Web.csproj"), "-o", output);
        Assert.Equal(1, code);
        Assert.Contains("Web/Chat.cs", File.ReadAllText(output));
        Assert.DoesNotContain("Worker/Batch.cs", File.ReadAllText(output));
        Assert.Equal(2, RunCli("check", "--manifest", manifest, "--project", Path.Combine(_dir, "Nowhere.csproj")).Code);
    }

    private static (int Code, string Output) RunCli(params string[] args)
    {
        var previous = Console.Out;
        var writer = new StringWriter();
        Console.SetOut(writer);
        try
        {
            return (LicenceGuard.Cli.Program.Main(args), writer.ToString());
        }
        finally
        {
            Console.SetOut(previous);
        }
    }

    private static string AssetsFor(params (string Id, string Version, string Dll)[] packages)
    {
        var root = TestReferences.Metadata("NuGetPackageRoot");
        var targets = string.Join(",", packages.Select(p => $"\"{p.Id}/{p.Version}\": {{ \"compile\": {{ \"{p.Dll}\": {{}} }} }}"));
        var libraries = string.Join(",", packages.Select(p => $"\"{p.Id}/{p.Version}\": {{ \"path\": \"{p.Id.ToLowerInvariant()}/{p.Version}\" }}"));
        return $$"""{ "targets": { "net8.0": { {{targets}} } }, "libraries": { {{libraries}} }, "packageFolders": { {{JsonSerializer.Serialize(root)}}: {} } }""";
    }
}
