using System.Text;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.Tests.Yaml;

/// <summary>Bad and hostile manifests get one located error, bounded in time and memory, never an exception.</summary>
public class HostileYamlTests
{
    private static Policy.Finding SingleError(ManifestReadResult r)
    {
        Assert.Null(r.Manifest);
        return Assert.Single(r.Findings);
    }

    [Fact]
    public void AliasBomb_Triggers_AtTheAlias_WithoutExpanding()
    {
        var sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
            sb.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        var f = SingleError(ManifestReader.ReadText(sb.ToString(), "models.yaml"));
        Assert.Equal(DiagnosticIds.ManifestUnreadable, f.Id);
        Assert.Contains("aliases expand", f.Message);
        Assert.True(f.Location.Line > 1);
    }

    [Fact]
    public void SmallAlias_IsAccepted_DoesNotTrigger()
    {
        var yaml = "organisation: &org { name: x, commercial: false }\nmodels: []\n";
        var r = ManifestReader.ReadText(yaml, "models.yaml");
        Assert.NotNull(r.Manifest);
        Assert.Empty(r.Findings);
    }

    [Fact]
    public void DeepNesting_Triggers_AtTheLimit()
    {
        var yaml = new string('[', 10_000) + new string(']', 10_000);
        var f = SingleError(ManifestReader.ReadText(yaml, "models.yaml"));
        Assert.Contains("nested more than 64", f.Message);
        Assert.Equal(1, f.Location.Line);
    }

    [Fact]
    public void BinaryGarbage_Triggers_AtTheFirstBadByte()
    {
        var bytes = Encoding.UTF8.GetBytes("organisation:\n  name: ok\n").Concat(new byte[] { 0xC3, 0x28, 0xFF, 0xFE }).ToArray();
        var root = YamlTreeReader.ReadBytes(bytes, "models.yaml", out var error);
        Assert.Null(root);
        Assert.NotNull(error);
        Assert.Equal(3, error!.Location.Line);
        Assert.Contains("not valid UTF-8", error.Message);
    }

    [Fact]
    public void NulBytes_Trigger_AsBinary()
    {
        YamlTreeReader.ReadBytes(new byte[] { (byte)'a', 0, 0, 1, 2 }, "models.yaml", out var error);
        Assert.Contains("NUL", error!.Message);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public void OtherEncodingsWithBom_AreRead_DoesNotTrigger(string encoding)
    {
        var enc = Encoding.GetEncoding(encoding);
        var bytes = enc.GetPreamble().Concat(enc.GetBytes("organisation: { name: Zürich AG, commercial: true }\nmodels: []\n")).ToArray();
        var root = YamlTreeReader.ReadBytes(bytes, "models.yaml", out var error);
        Assert.Null(error);
        Assert.Equal("Zürich AG", ((YScalar)((YMapping)((YMapping)root!)["organisation"]!)["name"]!).Value);
    }

    [Fact]
    public void DuplicateKey_Triggers_AtTheSecondKey()
    {
        var f = SingleError(ManifestReader.ReadText("organisation: {}\nmodels: []\nmodels: []\n", "models.yaml"));
        Assert.Equal(3, f.Location.Line);
        Assert.Contains("appears twice", f.Message);
    }

    [Fact]
    public void SecondDocument_Triggers()
    {
        var f = SingleError(ManifestReader.ReadText("models: []\n---\nmodels: []\n", "models.yaml"));
        Assert.Contains("only one YAML document", f.Message);
    }

    [Fact]
    public void UnknownKey_Triggers_WithSuggestion()
    {
        var r = ManifestReader.ReadText("organisation: { commercial: true }\nmodels:\n  - id: gpt-4o\n    licnce: MIT\n", "models.yaml");
        var f = Assert.Single(r.Findings);
        Assert.Equal(DiagnosticIds.ManifestInvalid, f.Id);
        Assert.Equal((4, 5), (f.Location.Line, f.Location.Column));
        Assert.Contains("did you mean 'licence'", f.Message);
    }

    [Theory]
    [InlineData("monthlyActiveUsers: lots", "whole number")]
    [InlineData("monthlyActiveUsers: -5", "whole number")]
    [InlineData("domicile: Britain", "ISO 3166-1")]
    [InlineData("annualRevenue: { amount: 5, currency: pounds }", "ISO 4217")]
    [InlineData("commercial: maybe", "true or false")]
    public void WrongTypes_Trigger_AtTheValue(string line, string expected)
    {
        var yaml = "organisation:\n  commercial: true\n  " + line.Replace("commercial: maybe", "name: x") + "\nmodels: []\n";
        if (line.StartsWith("commercial")) yaml = "organisation:\n  " + line + "\nmodels: []\n";
        var r = ManifestReader.ReadText(yaml, "models.yaml");
        Assert.Contains(r.Findings, f => f.Message.Contains(expected) && f.Location.Line >= 2);
    }

    [Fact]
    public void LargeManifest_IsReadCompletely()
    {
        var sb = new StringBuilder("organisation: { commercial: true }\nmodels:\n");
        for (var i = 0; i < 20_000; i++) sb.Append($"  - {{ id: org/model-{i}, licence: MIT }}\n");
        var r = ManifestReader.ReadText(sb.ToString(), "models.yaml");
        Assert.Empty(r.Findings);
        Assert.Equal(20_000, r.Manifest!.Models.Count);
        Assert.Equal(20_002, r.Manifest.Models[^1].Id.Location.Line);
    }
}
