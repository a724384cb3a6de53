using System.Diagnostics;
using System.Text.Json.Nodes;

namespace LicenceGuard.EndToEnd.Tests;

/// <summary>
/// A real editor's language server, csharp-ls 0.28.0 with <c>csharp.analyzersEnabled: true</c>, loads a consumer of the
/// packed package over LSP and reports LG0001 on the undeclared literal's range, also when models.yaml has an error
/// (a gate error must not fail the design-time build that gives the editor the project, and the editor's own reading
/// of models.yaml goes on past a syntax error).
/// </summary>
[Collection(PackageCollection.Name)]
public class EditorTests
{
    private const string ToolVersion = "0.28.0";
    private static readonly TimeSpan DiagnosticsTimeout = TimeSpan.FromSeconds(100);
    private readonly PackageFixture _fixture;

    public EditorTests(PackageFixture fixture) => _fixture = fixture;

    private const string Code = """
        using OpenAI.Chat;

        public static class Assistant
        {
            public static ChatClient Create(string key) =>
                new ChatClient("gpt-4o-mini", key);

            // Without the project's <Nullable>enable</Nullable> (a failed design-time build) this '?' is CS8632.
            public static string? Name => null;
        }
        """;

    [Theory]
    [InlineData("gate-error", "organisation: { commercial: true }\nmodels:\n  - id: other-model\n")]
    [InlineData("syntax-error", "organisation: { commercial: true }\nmodels: [\n")]
    public async Task CsharpLs_ReportsLG0001OnTheUndeclaredLiteral(string name, string models)
    {
        var consumer = _fixture.CreateConsumer("editor-" + name);
        consumer.WriteProject("""<PackageReference Include="OpenAI" Version="2.15.0" />""");
        consumer.WriteFile("Assistant.cs", Code);
        consumer.WriteFile("models.yaml", models);
        var restore = Dotnet.Run(consumer.Directory, "restore", consumer.ProjectPath, "-nologo");
        Assert.True(restore.ExitCode == 0, restore.Output);

        using var server = new LspClient(CsharpLs(), consumer.Directory,
            section => section == "csharp" ? new JsonObject { ["analyzersEnabled"] = true } : null);
        var root = new Uri(consumer.Directory + Path.DirectorySeparatorChar).AbsoluteUri;
        await server.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = root,
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true },
                ["textDocument"] = new JsonObject
                {
                    ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false },
                    ["publishDiagnostics"] = new JsonObject(),
                },
            },
            ["initializationOptions"] = new JsonObject { ["csharp"] = new JsonObject { ["analyzersEnabled"] = true } },
        }, TimeSpan.FromSeconds(30));
        server.Notify("initialized", new JsonObject());
        server.Notify("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["csharp"] = new JsonObject { ["analyzersEnabled"] = true } } });
        var uri = new Uri(Path.Combine(consumer.Directory, "Assistant.cs")).AbsoluteUri;
        server.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = Code },
        });

        // The server loads the project in the background: ask until LG0001 is there, or the time is up.
        var clock = Stopwatch.StartNew();
        JsonNode? lg0001 = null;
        var last = "(no answer yet)";
        while (lg0001 is null && clock.Elapsed < DiagnosticsTimeout)
        {
            var report = await server.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }, TimeSpan.FromSeconds(60));
            var items = report?["items"]?.AsArray() ?? new JsonArray();
            last = string.Join("\n", items.Select(i => $"{i?["code"]} {i?["range"]?.ToJsonString()} {i?["message"]}"));
            lg0001 = items.FirstOrDefault(i => i?["code"]?.ToString() == "LG0001");
            if (lg0001 is null) await Task.Delay(2000);
        }
        Assert.True(lg0001 != null, $"no LG0001 within {DiagnosticsTimeout.TotalSeconds:0} s; last diagnostics:\n{last}\nserver transcript:\n{server.Transcript}");
        // "gpt-4o-mini" with its quotes: line 6, columns 24-37 (LSP counts from 0).
        Assert.Equal("""{"start":{"line":5,"character":23},"end":{"line":5,"character":36}}""", lg0001!["range"]!.ToJsonString());
        Assert.DoesNotContain("CS8632", last);
        Assert.DoesNotContain("AD0001", last);
        // The records of every reference (LG0022) are for the build's compliance manifest, not the editor.
        Assert.DoesNotContain("LG0022", last);
        await server.RequestAsync("shutdown", null, TimeSpan.FromSeconds(15));
        server.Notify("exit", null);
    }

    private static readonly Lazy<string> Tool = new(InstallCsharpLs);

    private string CsharpLs()
    {
        lock (Tool) return Tool.Value;
    }

    /// <summary>csharp-ls as a dotnet tool in a folder of its own (the machine's NuGet sources provide it).</summary>
    private static string InstallCsharpLs()
    {
        var folder = Path.Combine(Path.GetTempPath(), "licenceguard-e2e-tools", "csharp-ls-" + ToolVersion);
        var executable = Path.Combine(folder, OperatingSystem.IsWindows() ? "csharp-ls.exe" : "csharp-ls");
        if (File.Exists(executable)) return executable;
        var (exit, output) = Dotnet.Run(Path.GetTempPath(), "tool", "install", "csharp-ls", "--version", ToolVersion, "--tool-path", folder);
        if (exit != 0 && !File.Exists(executable)) throw new InvalidOperationException("dotnet tool install csharp-ls failed:\n" + output);
        return executable;
    }
}
