using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LicenceGuard.Analyzers.Tests;

/// <summary>LG0006: model IDs in appsettings*.json AdditionalFiles.</summary>
public class ConfigurationTests
{
    private static readonly string Manifest = Fixtures.Manifest(Fixtures.Reviewed("gpt-4o", "LicenseRef-OpenAI-Services"));

    [Fact]
    public async Task AppSettingsChatModel_Undeclared_TriggersAtValue()
    {
        var json = """
            {
              // comments are allowed in .NET configuration
              "AI": {
                "OpenAI": { "ChatModel": "gpt-4o-mini", "Endpoint": "https://api.openai.com/" },
                "Embeddings": { "DeploymentName": "gpt-4o" }
              }
            }
            """;
        var test = new AnalyzerTest("class C { }", Manifest, ("/project/appsettings.Development.json", json));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("LG0006", DiagnosticSeverity.Warning)
            .WithSpan("/project/appsettings.Development.json", 4, 30, 4, 43)
            .WithArguments("gpt-4o-mini", "AI:OpenAI:ChatModel", "the catalogue knows it as GPT-4o and GPT-4o mini by OpenAI (api), licensed under LicenseRef-OpenAI-Services"));
        await test.RunAsync();
    }

    [Fact]
    public async Task AppSettingsOtherKeysAndPlaceholders_DoNotTrigger()
    {
        var json = """
            { "Logging": { "LogLevel": { "Default": "Information" } }, "Model": "${MODEL_ID}", "Title": "gpt-4o-mini" }
            """;
        var test = new AnalyzerTest("class C { }", Manifest, ("/project/appsettings.json", json));
        await test.RunAsync();
    }

    [Fact]
    public async Task OtherJsonFile_DoesNotTrigger()
    {
        var test = new AnalyzerTest("class C { }", Manifest, ("/project/config.json", """{ "Model": "gpt-4o-mini" }"""));
        await test.RunAsync();
    }

    [Fact]
    public async Task InvalidJson_ReportsValuesBeforeTheError()
    {
        var json = "{ \"ModelId\": \"o3-mini\", \"x\": ";
        var test = new AnalyzerTest("class C { }", Manifest, ("/project/appsettings.json", json));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("LG0006", DiagnosticSeverity.Warning).WithSpan("/project/appsettings.json", 1, 14, 1, 23));
        await test.RunAsync();
    }
}
