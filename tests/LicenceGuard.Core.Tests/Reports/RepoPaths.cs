namespace LicenceGuard.Core.Tests.Reports;

/// <summary>Files of the repository the tests read in place (schemas), found from the test assembly upwards.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Get(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LicenceGuard.sln"))) return dir.FullName;
        throw new InvalidOperationException("LicenceGuard.sln not found above " + AppContext.BaseDirectory);
    }
}
