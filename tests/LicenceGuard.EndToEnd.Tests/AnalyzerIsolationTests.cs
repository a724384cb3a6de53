using System.IO.Compression;

namespace LicenceGuard.EndToEnd.Tests;

/// <summary>
/// The compiler loads one copy of an assembly for every analyzer of a project. LicenceGuard puts no third-party
/// assembly beside its analyzer, so it cannot break another analyzer that carries its own (SecurityCodeScan.VS2019
/// 5.6.7 ships YamlDotNet 11.2.1, and threw AD0001 TypeLoadException when LicenceGuard shipped YamlDotNet 16).
/// </summary>
[Collection(PackageCollection.Name)]
public class AnalyzerIsolationTests
{
    private readonly PackageFixture _fixture;

    public AnalyzerIsolationTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Package_AnalyzerFolder_HoldsLicenceGuardsOwnAssembliesOnly()
    {
        using var package = ZipFile.OpenRead(Path.Combine(_fixture.Feed, $"LicenceGuard.{_fixture.Version}.nupkg"));
        var analyzers = package.Entries.Where(e => e.FullName.StartsWith("analyzers/", StringComparison.Ordinal))
            .Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(new[]
        {
            "analyzers/dotnet/cs/LicenceGuard.Analyzers.CodeFixes.dll",
            "analyzers/dotnet/cs/LicenceGuard.Analyzers.dll",
            "analyzers/dotnet/cs/LicenceGuard.Core.dll",
        }, analyzers);
    }

    [Fact]
    public void BesideSecurityCodeScan_BothAnalyzersRun_NoAD0001OrCS8032()
    {
        var consumer = _fixture.CreateConsumer("analyzer-beside-securitycodescan");
        consumer.WriteProject("""
            <PackageReference Include="OpenAI" Version="2.15.0" />
            <PackageReference Include="SecurityCodeScan.VS2019" Version="5.6.7" PrivateAssets="all" />
            """);
        consumer.WriteFile("Assistant.cs", """
            using OpenAI.Chat;

            public static class Assistant
            {
                public static ChatClient Create(string key) =>
                    new ChatClient("gpt-4o-mini", key);

                // SCS0006: a weak hashing function, so that SecurityCodeScan's own rule shows it ran.
                public static byte[] Digest(byte[] data) => System.Security.Cryptography.MD5.Create().ComputeHash(data);
            }
            """);
        consumer.WriteFile("models.yaml", "organisation: { commercial: true }\nmodels: []\n");
        var (exit, output) = consumer.Build();
        Assert.NotEqual(0, exit);
        Assert.Contains("Assistant.cs(6,24): error LG0001", output);
        Assert.Contains("warning SCS0006", output);
        Assert.DoesNotContain("AD0001", output);
        Assert.DoesNotContain("CS8032", output);
        Assert.DoesNotContain("LG0099", output);
    }
}
