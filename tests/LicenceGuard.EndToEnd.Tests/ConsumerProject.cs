namespace LicenceGuard.EndToEnd.Tests;

/// <summary>A real temporary project that references the packed LicenceGuard package.</summary>
public sealed class ConsumerProject
{
    private readonly PackageFixture _fixture;

    public ConsumerProject(PackageFixture fixture, string directory)
    {
        _fixture = fixture;
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
        // Only the local feed is added: every other source comes from the machine's NuGet configuration.
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="licenceguard-e2e" value="{fixture.Feed}" />
              </packageSources>
            </configuration>
            """);
        WriteProject(string.Empty);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), "System.Console.WriteLine(\"consumer\");\n");
    }

    public string Directory { get; }

    public string ProjectPath => Path.Combine(Directory, "Consumer.csproj");

    public void WriteProject(string extraItems, string extraProperties = "")
    {
        File.WriteAllText(ProjectPath, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <Nullable>enable</Nullable>
                <LicenceGuardToday>2026-11-29</LicenceGuardToday>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="LicenceGuard" Version="{_fixture.Version}" />
                {extraItems}
              </ItemGroup>
            </Project>
            """);
    }

    public void WriteFile(string relative, string content)
    {
        var path = Path.Combine(Directory, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public (int ExitCode, string Output) Build(params string[] extra) =>
        Dotnet.Run(Directory, new[] { "build", ProjectPath, "-nologo", "-v:n", "-p:UseSharedCompilation=false" }.Concat(extra).ToArray());

    public string ObjFile(string relative) => Path.Combine(Directory, "obj", "Debug", "net10.0", relative);
}
