namespace LicenceGuard.Analyzers.Tests;

/// <summary>models.yaml texts for the tests.</summary>
internal static class Manifests
{
    /// <summary>gpt-4o is declared and reviewed enough to have no finding the analyzer relays... except what the policy finds.</summary>
    public const string Empty = """
        organisation:
          name: Acme
          commercial: true
        models: []
        """;

    public static string With(string models, string perimeter = "") => $"""
        organisation:
          name: Acme
          commercial: true
          domicile: GB
          monthlyActiveUsers: 812000000
        {perimeter}
        models:
        {models}
        """;
}
