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
