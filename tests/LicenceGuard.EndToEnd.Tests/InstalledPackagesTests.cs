using System.Text.Json;

namespace LicenceGuard.EndToEnd.Tests;

/// <summary>
/// Every package the solution packs, installed from the local feed into fresh consumers and used the way a user
/// would: the gate builds, the runtime guard refuses an unapproved model at run time, the CLI tool runs check, the
/// hardware tool checks a model on the (fake) GPU, and the LicenceGuardVerifyHardware target runs it without a shell.
/// </summary>
[Collection(AllPackagesCollection.Name)]
public sealed class InstalledPackagesTests
{
    private static readonly string[] Expected = { "LicenceGuard", "LicenceGuard.Cli", "LicenceGuard.Core", "LicenceGuard.Hardware.Tool", "LicenceGuard.Runtime" };

    private readonly AllPackagesFixture _fixture;

    public InstalledPackagesTests(AllPackagesFixture fixture) => _fixture = fixture;

    private string Manifest(string weights = "") => $$"""
        organisation: { name: Example Ltd, commercial: true, monthlyActiveUsers: 1000, domicile: GB, territories: [GB] }
        models:
          - id: Qwen/Qwen3-8B
            licence: Apache-2.0
            review: { by: a.sharma, on: 2026-11-02, textSha256: "{{CatalogueHashes.Of(_fixture.RepoRoot, "Apache-2.0")}}" }
            hosting: { mode: self-hosted }
            attribution: { notice: NOTICE }
        {{weights}}
        """;

    private Dictionary<string, string> FakeGpu => new() { ["LICENCEGUARD_CUDA_LIBRARY"] = _fixture.FakeCudaDriver };

    [Fact]
    public void TheSolutionPacks_ExactlyTheKnownPackages_TheToolsSmall_TheGuardWithoutNatives()
    {
        Assert.Equal(Expected, _fixture.Packages.Keys.Order(StringComparer.Ordinal));
        var cli = new FileInfo(_fixture.Packages["LicenceGuard.Cli"]).Length;
        Assert.True(cli < 30_000_000, $"LicenceGuard.Cli is {cli} bytes");
        var hw = new FileInfo(_fixture.Packages["LicenceGuard.Hardware.Tool"]).Length;
        Assert.True(hw < 30_000_000, $"LicenceGuard.Hardware.Tool is {hw} bytes");
        var runtime = _fixture.Nuspec("LicenceGuard.Runtime");
        Assert.Contains($"<dependency id=\"LicenceGuard.Core\" version=\"{_fixture.Version}\"", runtime);
        Assert.DoesNotContain("OnnxRuntime", runtime);
    }

    [Fact]
    public void RuntimeGuard_Installed_RefusesAnUnapprovedModelAtRunTime()
    {
        var consumer = _fixture.CreateConsumer("guard", "LicenceGuard", "LicenceGuard.Runtime");
        consumer.WriteFile("models.yaml", Manifest());
        consumer.WriteFile("NOTICE", "Qwen3-8B, Apache-2.0\n");
        // The unapproved ID comes from the command line, as model IDs from configuration do: a literal would stop the build.
        consumer.WriteFile("Program.cs", """
            using LicenceGuard.Runtime.Guard;
            using Microsoft.Extensions.AI;

            Console.WriteLine("approved: " + ModelGuard.Require("Qwen/Qwen3-8B"));
            try { ModelGuard.Require(args[0]); Console.WriteLine("NOT REFUSED"); }
            catch (ModelNotApprovedException e) { Console.WriteLine("refused: " + e.Message); }
            IChatClient client = new ChatClientBuilder(new Echo()).UseLicenceGuard().Build();
            Console.WriteLine("through the guard: " + (await client.GetResponseAsync("hi", new ChatOptions { ModelId = "Qwen/Qwen3-8B" })).Text);
            try { await client.GetResponseAsync("hi", new ChatOptions { ModelId = args[0] }); Console.WriteLine("NOT REFUSED"); }
            catch (ModelNotApprovedException) { Console.WriteLine("middleware refused " + args[0]); }

            sealed class Echo : IChatClient
            {
                public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
                    Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "echo")));
                public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
                    throw new NotSupportedException();
                public object? GetService(Type serviceType, object? serviceKey = null) => null;
                public void Dispose() { }
            }
            """);

        var (exit, output) = consumer.Build("-p:ImplicitUsings=enable");
        Assert.True(exit == 0, output);
        var (runExit, run) = Dotnet.Run(consumer.Directory, Path.Combine(consumer.Directory, "bin", "Debug", "net10.0", "Consumer.dll"), "meta-llama/Llama-3.1-8B");

        Assert.True(runExit == 0, run);
        Assert.Contains("approved: Qwen/Qwen3-8B", run);
        Assert.Contains("refused: LicenceGuard:", run);
        Assert.Contains("through the guard: echo", run);
        Assert.Contains("middleware refused meta-llama/Llama-3.1-8B", run);
        Assert.DoesNotContain("NOT REFUSED", run);
        var assets = File.ReadAllText(Path.Combine(consumer.Directory, "obj", "project.assets.json"));
        Assert.Contains($"\"LicenceGuard.Core/{_fixture.Version}\"", assets);
        Assert.DoesNotContain("Microsoft.ML.OnnxRuntime", assets);
    }

    [Fact]
    public void CliTool_Installed_RunsCheck()
    {
        var folder = Path.Combine(_fixture.WorkRoot, "cli-check");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "models.yaml"), Manifest());

        var (exit, output) = Dotnet.RunProgram(_fixture.Tool("licenceguard"), folder, new Dictionary<string, string>(), "check", "--manifest", "models.yaml", "--today", "2026-11-29", "-o", "compliance.json");

        Assert.True(exit == 0, output);
        using var compliance = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "compliance.json")));
        var model = Assert.Single(compliance.RootElement.GetProperty("models").EnumerateArray());
        Assert.Equal("Qwen/Qwen3-8B", model.GetProperty("id").GetString());
        Assert.NotEqual("fail", model.GetProperty("verdict").GetString());
    }

    [Fact]
    public void HardwareTool_Installed_ChecksTheSampleOnTheFakeGpu()
    {
        var folder = Path.Combine(_fixture.WorkRoot, "hw-self-test");
        Directory.CreateDirectory(folder);

        var (exit, output) = Dotnet.RunProgram(_fixture.Tool("licenceguard-hw"), folder, FakeGpu, "--self-test");

        Assert.True(exit == 0, output);
        Assert.Contains("licenceguard/sample-add: passed on Fake GPU 80GB", output);
        Assert.Contains("level weights-resident", output);
        Assert.True(File.Exists(Path.Combine(folder, ".licenceguard", "attestations", "licenceguard_sample-add.json")));
    }

    [Fact]
    public void VerifyHardwareTarget_InAFolderNamedLikeACommand_PassesItAsAPath_RunsNoShell()
    {
        const string hostile = "a$(id>x)&b";   // no ";": NuGet restore itself cannot handle a project path with one
        var consumer = _fixture.CreateConsumer(Path.Combine("target", hostile), "LicenceGuard");
        var header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}"u8.ToArray();
        Directory.CreateDirectory(Path.Combine(consumer.Directory, "weights"));
        File.WriteAllBytes(Path.Combine(consumer.Directory, "weights", "model.safetensors"), [.. BitConverter.GetBytes((ulong)header.Length), .. header, .. new byte[8]]);
        consumer.WriteFile("models.yaml", Manifest("    weights:\n      - { path: weights/model.safetensors, format: safetensors }"));

        var (exit, output) = Dotnet.RunProgram("dotnet", consumer.Directory, FakeGpu,
            "build", consumer.ProjectPath, "-t:LicenceGuardVerifyHardware", "-nologo", "-p:LicenceGuardCliCommand=" + _fixture.Tool("licenceguard"));

        Assert.True(exit == 0, output);
        Assert.Contains("Qwen/Qwen3-8B: passed on Fake GPU 80GB", output);
        Assert.Contains(Path.Combine(hostile, ".licenceguard", "attestations", "Qwen_Qwen3-8B.json"), output);
        using var attestation = JsonDocument.Parse(File.ReadAllText(Path.Combine(consumer.Directory, ".licenceguard", "attestations", "Qwen_Qwen3-8B.json")));
        Assert.Equal("weights-resident", attestation.RootElement.GetProperty("level").GetString());
        // A shell would have run `id>x` (a file x) and split the command at the "&".
        Assert.Empty(Directory.GetFiles(Path.Combine(_fixture.WorkRoot, "target"), "x", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(consumer.Directory, "x")));
    }
}
