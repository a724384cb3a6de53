namespace LicenceGuard.Analyzers.Tests;

/// <summary>Every rule is configurable the usual ways: #pragma, .editorconfig severity, [SuppressMessage].</summary>
public class ConfigurabilityTests
{
    private static readonly string Manifest = Fixtures.Manifest(Fixtures.Reviewed("gpt-4o", "LicenseRef-OpenAI-Services"));

    [Fact]
    public async Task PragmaWarningDisable_DoesNotTrigger()
    {
        var source = """
            using OpenAI.Chat;
            class C
            {
            #pragma warning disable LG0001 // evaluated under ticket AI-42
                ChatClient M() => new ChatClient("gpt-4o-mini", "key");
            #pragma warning restore LG0001
            }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task EditorConfigSeverityNone_DoesNotTrigger()
    {
        var source = """
            using OpenAI.Chat;
            class C { ChatClient M() => new ChatClient("gpt-4o-mini", "key"); }
            """;
        var test = new AnalyzerTest(source, Manifest);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.LG0001.severity = none\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task SuppressMessageAttribute_DoesNotTrigger()
    {
        var source = """
            using OpenAI.Chat;
            class C
            {
                [System.Diagnostics.CodeAnalysis.SuppressMessage("LicenceGuard.Code", "LG0001", Justification = "prototype, removed before release")]
                ChatClient M() => new ChatClient("gpt-4o-mini", "key");
            }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }
}
