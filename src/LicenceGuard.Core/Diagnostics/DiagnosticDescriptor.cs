namespace LicenceGuard.Core.Diagnostics;

/// <summary>What a diagnostic means, independent of where it is reported (analyzer, MSBuild, CLI).</summary>
public sealed class DiagnosticDescriptor
{
    public DiagnosticDescriptor(string id, string title, Severity defaultSeverity, string category)
    {
        Id = id;
        Title = title;
        DefaultSeverity = defaultSeverity;
        Category = category;
    }

    public string Id { get; }
    public string Title { get; }
    public Severity DefaultSeverity { get; }
    public string Category { get; }
    public string HelpPage => DiagnosticIds.HelpPage(Id);
}
