using LicenceGuard.Core.Diagnostics;

namespace LicenceGuard.Core.Tests.Catalogue;

public class DiagnosticHelpPageTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var d in DiagnosticCatalogue.All) data.Add(d.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryDiagnostic_HasAHelpPage_NamedByItsHelpLink(string id)
    {
        var page = Path.Combine(RulesFolder.Root, "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"missing help page rules/diagnostics/{id}.md");
        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id, text);
        Assert.Equal("rules/diagnostics/" + id + ".md", DiagnosticCatalogue.Get(id).HelpPage);
    }

    [Fact]
    public void DiagnosticIds_AreUnique_AndInTheirRange()
    {
        var ids = DiagnosticCatalogue.All.Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(DiagnosticCatalogue.All, d => Assert.Matches(d.Category switch
        {
            "LicenceGuard.Code" => "^LG0[0-9]{3}$",
            "LicenceGuard.Hardware" => "^LG2[0-9]{3}$",
            _ => "^LG1[0-9]{3}$",
        }, d.Id));
    }
}

/// <summary>
/// Rule metadata is written once, in DiagnosticCatalogue; every other place that shows it is checked against it: each
/// help page's title and default severity, and the README's table of build diagnostics.
/// </summary>
public class DiagnosticMetadataTests
{
    [Theory]
    [MemberData(nameof(DiagnosticHelpPageTests.Ids), MemberType = typeof(DiagnosticHelpPageTests))]
    public void HelpPage_Header_IsTheCataloguesTitleAndSeverity(string id)
    {
        var d = DiagnosticCatalogue.Get(id);
        var lines = File.ReadAllLines(Path.Combine(RulesFolder.Root, "diagnostics", id + ".md"));
        Assert.Equal($"# {id}: {d.Title}", lines[0]);
        Assert.Matches($"^Default severity: \\*\\*(?i:{d.DefaultSeverity})\\*\\*", lines.Skip(1).First(l => l.Length > 0));
    }

    [Theory]
    [MemberData(nameof(DiagnosticHelpPageTests.Ids), MemberType = typeof(DiagnosticHelpPageTests))]
    public void ReadmeTable_RowIsTheCataloguesTitleAndSeverity(string id)
    {
        var d = DiagnosticCatalogue.Get(id);
        if (id.StartsWith("LG0", StringComparison.Ordinal)) return; // the analyzer's rules are one row, LG0xxx
        var readme = File.ReadAllText(Path.Combine(RulesFolder.Root, "..", "README.md"));
        var title = char.IsUpper(d.Title[0]) && !d.Title.StartsWith("models.yaml", StringComparison.Ordinal) ? char.ToLowerInvariant(d.Title[0]) + d.Title.Substring(1) : d.Title;
        Assert.Contains($"| [{id}](rules/diagnostics/{id}.md) | {d.DefaultSeverity.ToString().ToLowerInvariant()} | {title} |", readme);
    }
}
