namespace LicenceGuard.EndToEnd.Tests;

/// <summary>
/// Editors learn a project's settings from a design-time build; if it fails they lose them (Nullable dropped, CS8632 on
/// every '?'). The gate's errors must not fail one, yet a real build of the same project still fails.
/// </summary>
[Collection(PackageCollection.Name)]
public class DesignTimeBuildTests
{
    private readonly PackageFixture _fixture;

    public DesignTimeBuildTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void GateError_DesignTimeBuildSucceeds_WithTheProjectsSettingsAndTheSnapshot_RealBuildFails()
    {
        var consumer = _fixture.CreateConsumer("design-time-gate-error");
        // A declared model with no licence: the gate's LG1003 error.
        consumer.WriteFile("models.yaml", "organisation: { commercial: true }\nmodels:\n  - id: gpt-4o-mini\n");
        var restore = Dotnet.Run(consumer.Directory, "restore", consumer.ProjectPath, "-nologo");
        Assert.True(restore.ExitCode == 0, restore.Output);

        // What an editor's workspace asks for (MSBuildWorkspace: Compile with these properties; the compiler is not run).
        var (exit, output) = Dotnet.Run(consumer.Directory, "msbuild", consumer.ProjectPath, "-nologo", "-t:Compile",
            "-p:DesignTimeBuild=true", "-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true", "-p:BuildProjectReferences=false",
            "-getItem:CscCommandLineArgs");
        Assert.True(exit == 0, output);
        Assert.Contains("/nullable:enable", output);
        Assert.Contains("analyzer-snapshot.tsv", output);
        Assert.Contains("LicenceGuard.DesignTime.globalconfig", output);
        Assert.True(File.Exists(consumer.ObjFile("licenceguard/analyzer-snapshot.tsv")), output);

        var build = consumer.Build();
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error LG1003", build.Output);
    }

    [Fact]
    public void NoManifest_DesignTimeBuildSucceeds_RealBuildFails()
    {
        var consumer = _fixture.CreateConsumer("design-time-no-manifest");
        Assert.Equal(0, Dotnet.Run(consumer.Directory, "restore", consumer.ProjectPath, "-nologo").ExitCode);
        var (exit, output) = Dotnet.Run(consumer.Directory, "msbuild", consumer.ProjectPath, "-nologo", "-t:Compile",
            "-p:DesignTimeBuild=true", "-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true");
        Assert.True(exit == 0, output);
        Assert.Contains("LG1001", output);
        Assert.NotEqual(0, consumer.Build().ExitCode);
    }
}
