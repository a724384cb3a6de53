namespace LicenceGuard.EndToEnd.Tests;

/// <summary>A real temporary project that references the packed LicenceGuard package.</summary>
public sealed class ConsumerProject
{
    private readonly string _version;

    public ConsumerProject(PackageFixture fixture, string directory) : this(fixture.Feed, directory, fixture.Version)
    {
    }

    /// <param name="version">The version of the LicenceGuard package the project references (see <see cref="WriteProject"/>).</param>
    public ConsumerProject(string feed, string directory, string version = "")
    {
        _version = version;
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
        // Only the local feed is added: every other source comes from the machine's NuGet configuration.
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="licenceguard-e2e" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        WriteProject(string.Empty);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), "System.Console.WriteLine(\"consumer\");\n");
    }

    public string Directory { get; }

    public string ProjectPath => Path.Combine(Directory, "Consumer.csproj");

    /// <param name="referenceGate">false leaves the LicenceGuard package out (the items name the packages).</param>
    public void WriteProject(string extraItems, string extraProperties = "", bool referenceGate = true)
    {
        var gate = referenceGate ? $"<PackageReference Include=\"LicenceGuard\" Version=\"{_version}\" />" : string.Empty;
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
                {gate}
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
