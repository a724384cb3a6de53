using System.Diagnostics;

namespace LicenceGuard.EndToEnd.Tests;

/// <summary>Hostile and accidental input against real builds of a project that references the packed package.</summary>
[Collection(PackageCollection.Name)]
public class IntegrityBuildTests
{
    private readonly PackageFixture _fixture;

    public IntegrityBuildTests(PackageFixture fixture) => _fixture = fixture;

    private string Manifest(string extra = "") => $$"""
        organisation: { name: Example Ltd, commercial: true, monthlyActiveUsers: 1000 }
        models:
          - id: deepseek-ai/DeepSeek-R1
            licence: MIT
            review: { by: a.sharma, on: 2026-11-02, textSha256: "{{CatalogueHashes.Of(_fixture, "MIT")}}" }
            hosting: { mode: self-hosted }
            attribution: { notice: THIRD-PARTY-NOTICES.txt }
        {{extra}}
        """;

    private const string OverrideHead = """
        id: MIT
        override: { by: l.counsel, reason: "our reading of the MIT licence", source: memo }
        sources:
          memo: { url: "https://legal.example.test/mit-memo.pdf" }
        """;

    [Fact]
    public void EditedOrganisationCatalogueFile_ReRunsTheGate_AndItsOverrideFails_WithoutTouchingModelsYaml()
    {
        var consumer = _fixture.CreateConsumer("override-input");
        consumer.WriteFile("models.yaml", Manifest("settings:\n  catalogue: [legal/mit.yaml]\n"));
        consumer.WriteFile("legal/mit.yaml", OverrideHead + "\nname: MIT License (as read by counsel)\n");
        var (exit, output) = consumer.Build();
        Assert.True(exit == 0, output);
        Assert.Contains("LG1050", output);

        Thread.Sleep(1100);
        consumer.WriteFile("legal/mit.yaml", OverrideHead + "\ncommercialUse: { value: forbidden, source: memo }\n");
        var (exit2, output2) = consumer.Build();
        Assert.NotEqual(0, exit2);
        Assert.DoesNotContain("Skipping target \"LicenceGuardCheck\"", output2);
        Assert.Contains("error LG1007", output2);
        Assert.Contains("organisation catalogue overrides commercialUse of licence 'MIT'", output2);

    }

    [Fact]
    public void FifoAsWeightsPath_FailsTheBuild_AtItsLine_WithoutHanging()
    {
        var consumer = _fixture.CreateConsumer("fifo-weights");
        consumer.WriteFile("models.yaml", Manifest().Replace("    attribution:", "    weights: [{ path: models/w.safetensors }]\n    attribution:"));
        System.IO.Directory.CreateDirectory(Path.Combine(consumer.Directory, "models"));
        using (var p = Process.Start(new ProcessStartInfo("mkfifo") { ArgumentList = { Path.Combine(consumer.Directory, "models", "w.safetensors") } })!) p.WaitForExit();
        var (exit, output) = consumer.Build();
        Assert.NotEqual(0, exit);
        Assert.Contains("models.yaml(7,", output);
        Assert.Contains("error LG2002", output);
        Assert.Contains("is not a regular file: the path is a FIFO, socket or device", output);
    }

    [Fact]
    public void TemporaryFilesOfAKilledWrite_AreRemovedByDotnetClean()
    {
        var consumer = _fixture.CreateConsumer("clean-temporaries");
        consumer.WriteFile("models.yaml", Manifest());
        Assert.Equal(0, consumer.Build().ExitCode);
        var leftover = consumer.ObjFile("licenceguard/.compliance-manifest.json.0badc0de.tmp");
        File.WriteAllBytes(leftover, new byte[4096]);

        var (exit, output) = Dotnet.Run(consumer.Directory, "clean", consumer.ProjectPath, "-nologo", "-v:n");
        Assert.True(exit == 0, output);
        Assert.False(File.Exists(leftover), "dotnet clean left the temporary file of a killed write");
    }
}
