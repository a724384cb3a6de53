using System.Text.Json;

namespace LicenceGuard.EndToEnd.Tests;

/// <summary>The dependency audit through a real `dotnet build`: NuGet licences and model files shipped inside packages.</summary>
[Collection(PackageCollection.Name)]
public class DependencyAuditTests
{
    private readonly PackageFixture _fixture;

    public DependencyAuditTests(PackageFixture fixture) => _fixture = fixture;

    private const string Organisation = """
        organisation:
          name: Example Health Ltd
          commercial: true
          annualRevenue: { amount: 25000000, currency: USD }
          monthlyActiveUsers: 3500000
          domicile: GB
          territories: [GB]
        """;

    [Fact]
    public void InferenceStack_DoesNotTrigger_ComplianceManifestListsEveryDependencyLicence_AndSkipsWorkWhenUnchanged()
    {
        var consumer = _fixture.CreateConsumer("deps-inference-stack");
        consumer.WriteProject("""
            <PackageReference Include="Microsoft.ML.OnnxRuntime" Version="1.31.1" />
            <PackageReference Include="LLamaSharp" Version="0.30.0" />
            <PackageReference Include="CommonServiceLocator" Version="2.0.5" />
            """);
        // ONNX Runtime ships its licence as a file (<license type="file">LICENSE</license>): the standard MIT text,
        // recognised by its text without an exception.
        consumer.WriteFile("models.yaml", Organisation + """

            models: []
            dependencies:
              allow: { classes: [permissive, weak-copyleft] }
            """);

        var (exit, output) = consumer.Build();
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("warning LG11", output);
        Assert.DoesNotContain("error LG11", output);

        using var manifest = JsonDocument.Parse(File.ReadAllText(consumer.ObjFile("licenceguard/compliance-manifest.json")));
        var packages = manifest.RootElement.GetProperty("dependencies").GetProperty("packages").EnumerateArray()
            .ToDictionary(p => p.GetProperty("id").GetString()!, p => p);
        foreach (var id in new[] { "Microsoft.ML.OnnxRuntime", "Microsoft.ML.OnnxRuntime.Managed", "LLamaSharp", "CommonServiceLocator", "LicenceGuard" })
            Assert.True(packages.ContainsKey(id), id + " is in the compliance manifest");
        foreach (var package in packages.Values)
        {
            var licence = package.GetProperty("licence");
            Assert.NotEqual("none", licence.GetProperty("source").GetString());
            Assert.NotEqual("notAllowed", package.GetProperty("verdict").GetString());
        }
        Assert.Equal("MIT", packages["LLamaSharp"].GetProperty("licence").GetProperty("expression").GetString());
        var onnx = packages["Microsoft.ML.OnnxRuntime"];
        Assert.Equal("allowed", onnx.GetProperty("verdict").GetString());
        Assert.Equal("file", onnx.GetProperty("licence").GetProperty("source").GetString());
        Assert.Equal("MIT", onnx.GetProperty("licence").GetProperty("expression").GetString());
        Assert.True(onnx.GetProperty("licence").GetProperty("identifiedByText").GetBoolean());
        // A package from before licence expressions: only a licence URL, whose fixed meaning gives the SPDX id.
        var legacy = packages["CommonServiceLocator"].GetProperty("licence");
        Assert.Equal("url", legacy.GetProperty("source").GetString());
        Assert.Equal("MS-PL", legacy.GetProperty("expression").GetString());
        Assert.Equal(new[] { "Microsoft.ML.OnnxRuntime 1.31.1", "Microsoft.ML.OnnxRuntime.Managed 1.31.1" },
            packages["Microsoft.ML.OnnxRuntime.Managed"].GetProperty("path").EnumerateArray().Select(e => e.GetString()));

        var report = consumer.ObjFile("licenceguard/dependencies.json");
        var writtenAt = File.GetLastWriteTimeUtc(report);
        var (exit2, output2) = consumer.Build();
        Assert.True(exit2 == 0, output2);
        Assert.Contains("Skipping target \"LicenceGuardAuditDependencies\" because all output files are up-to-date", output2);
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(report));
    }

    [Fact]
    public void DenyListedLicence_Triggers_BuildFailsNamingThePathThatBroughtItIn()
    {
        var consumer = _fixture.CreateConsumer("deps-denied");
        var feed = new TestPackageFeed(Path.Combine(consumer.Directory, "packages-feed"), _fixture.Version);
        feed.Add("Acme.Copyleft", "<license type=\"expression\">GPL-3.0-only</license>");
        feed.Add("Acme.Wrapper", "<license type=\"expression\">MIT</license>", new[] { "Acme.Copyleft" });
        consumer.WriteFile("nuget.config", feed.NuGetConfig(_fixture.Feed));
        consumer.WriteProject($"""<PackageReference Include="Acme.Wrapper" Version="{_fixture.Version}" />""");
        consumer.WriteFile("models.yaml", Organisation + """

            models: []
            dependencies:
              deny:
                classes: [strong-copyleft]
            """);

        var (exit, output) = consumer.Build();
        Assert.NotEqual(0, exit);
        // Line 11, column 15: the deny entry that decided.
        Assert.Contains("models.yaml(11,15): error LG1101", output);
        Assert.Contains($"package Acme.Copyleft {_fixture.Version} (GPL-3.0-only)", output);
        Assert.Contains($"it comes in through Acme.Wrapper {_fixture.Version} → Acme.Copyleft {_fixture.Version}", output);
        Assert.DoesNotContain("MSB4018", output);

        // The audit can be switched off; the compliance manifest then has no dependencies section at all.
        consumer.WriteProject($"""<PackageReference Include="Acme.Wrapper" Version="{_fixture.Version}" />""",
            "<LicenceGuardAuditDependencies>false</LicenceGuardAuditDependencies>");
        var (exit2, output2) = consumer.Build();
        Assert.True(exit2 == 0, output2);
        Assert.DoesNotContain("LG1101", output2);
        using var manifest = JsonDocument.Parse(File.ReadAllText(consumer.ObjFile("licenceguard/compliance-manifest.json")));
        Assert.False(manifest.RootElement.TryGetProperty("dependencies", out _));
    }

    [Fact]
    public void UndeclaredModelFileInsidePackage_Triggers_UntilModelsYamlDeclaresIt()
    {
        var consumer = _fixture.CreateConsumer("deps-model-file");
        var feed = new TestPackageFeed(Path.Combine(consumer.Directory, "packages-feed"), _fixture.Version);
        feed.Add("Acme.TinyModel", "<license type=\"expression\">MIT</license>", files: new Dictionary<string, byte[]>
        {
            ["contentFiles/any/any/models/tiny.onnx"] = new byte[] { 0x08, 0x07, 0x12, 0x04, 0x74, 0x65, 0x73, 0x74 },
            ["contentFiles/any/any/models/tokenizer.onnx"] = new byte[] { 0x08, 0x07 },
        });
        consumer.WriteFile("nuget.config", feed.NuGetConfig(_fixture.Feed));
        consumer.WriteProject($"""<PackageReference Include="Acme.TinyModel" Version="{_fixture.Version}" />""");
        consumer.WriteFile("models.yaml", Organisation + "\nmodels: []\n");

        var (exit, output) = consumer.Build();
        Assert.NotEqual(0, exit);
        Assert.Contains("error LG1103", output);
        Assert.Contains($"package Acme.TinyModel {_fixture.Version} ships model weights 'contentFiles/any/any/models/tiny.onnx' (onnx", output);
        Assert.DoesNotContain("tokenizer.onnx' (onnx", output);

        consumer.WriteFile("models.yaml", Organisation + $$"""

            models:
              - id: nuget:Acme.TinyModel
                kind: open-weight
                licence: MIT
                review: { by: a.sharma, on: 2026-11-02, textSha256: "{{CatalogueHashes.Of(_fixture, "MIT")}}" }
                hosting: { mode: self-hosted }
                attribution: { notice: THIRD-PARTY-NOTICES.txt }
                weights:
                  - path: models/tiny.onnx
            """);
        var (exit2, output2) = consumer.Build();
        Assert.DoesNotContain("LG1103", output2);
        using var manifest = JsonDocument.Parse(File.ReadAllText(consumer.ObjFile("licenceguard/compliance-manifest.json")));
        var file = manifest.RootElement.GetProperty("dependencies").GetProperty("packages").EnumerateArray()
            .Single(p => p.GetProperty("id").GetString() == "Acme.TinyModel").GetProperty("modelFiles").EnumerateArray().Single();
        Assert.Equal("nuget:Acme.TinyModel", file.GetProperty("declaredBy").GetString());
        Assert.True(exit2 == 0, output2);
    }
}
