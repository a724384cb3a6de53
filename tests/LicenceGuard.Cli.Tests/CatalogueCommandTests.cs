using System.Text.Json;

namespace LicenceGuard.Cli.Tests;

[Collection(ConsoleCollection.Name)]
public class CatalogueCommandTests
{
    [Fact]
    public void Match_HuggingFaceApiAndOllamaIds_AnswersInOrder()
    {
        var (exit, output, _) = CliRunner.Run("catalogue", "match", "meta-llama/Llama-3.1-8B-Instruct", "gpt-4o-mini", "llama3.1:8b", "no/such-model", "--format", "json");
        Assert.Equal(0, exit);
        var items = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(new[] { "meta-llama/Llama-3.1-8B-Instruct", "gpt-4o-mini", "llama3.1:8b", "no/such-model" }, items.Select(i => i.GetProperty("model").GetString()));
        var llama = items[0].GetProperty("licence");
        Assert.Equal("LicenseRef-Llama-3.1-Community", llama.GetProperty("id").GetString());
        Assert.Equal("restricted", llama.GetProperty("commercialUse").GetString());
        var threshold = Assert.Single(llama.GetProperty("thresholds").EnumerateArray());
        Assert.Equal("monthly-active-users", threshold.GetProperty("metric").GetString());
        Assert.Equal(700_000_000, threshold.GetProperty("value").GetInt64());
        Assert.True(llama.GetProperty("attribution").GetProperty("required").GetBoolean());
        Assert.Equal("Built with Llama", llama.GetProperty("attribution").GetProperty("phrase").GetString());
        Assert.Equal(JsonValueKind.Array, llama.GetProperty("territoryExclusions").ValueKind);
        Assert.Equal(JsonValueKind.Array, llama.GetProperty("domicileExclusions").ValueKind);
        Assert.False(llama.GetProperty("osiApproved").GetBoolean());
        Assert.NotEmpty(llama.GetProperty("sources").EnumerateArray());
        Assert.Equal("LicenseRef-OpenAI-Services", items[1].GetProperty("licence").GetProperty("id").GetString());
        Assert.Equal("LicenseRef-Llama-3.1-Community", items[2].GetProperty("licence").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, items[3].GetProperty("licence").ValueKind);
    }

    [Fact]
    public void Match_VisionModel_ShowsModelSpecificEuExclusion()
    {
        var (_, output, _) = CliRunner.Run("catalogue", "match", "meta-llama/Llama-3.2-11B-Vision-Instruct", "meta-llama/Llama-3.2-3B-Instruct", "--format", "json");
        var items = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Contains("EU", items[0].GetProperty("licence").GetProperty("domicileExclusions").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("EU", items[1].GetProperty("licence").GetProperty("domicileExclusions").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void List_Json_HasEveryLicence()
    {
        var (exit, output, _) = CliRunner.Run("catalogue", "list", "--format", "json");
        Assert.Equal(0, exit);
        Assert.True(JsonDocument.Parse(output).RootElement.GetArrayLength() >= 40);
    }

    [Fact]
    public void Explain_ReadableSummary_NamesThresholdAndSource()
    {
        var (exit, output, _) = CliRunner.Run("catalogue", "explain", "moonshotai/Kimi-K2-Instruct");
        Assert.Equal(0, exit);
        Assert.Contains("Kimi K2", output);
        Assert.Contains("100,000,000", output);
        Assert.Contains("Source: https://github.com/MoonshotAI", output);
    }

    [Fact]
    public void Hash_IgnoresLineEndingsAndTrailingSpace()
    {
        var dir = Directory.CreateTempSubdirectory("lg-hash-").FullName;
        File.WriteAllText(Path.Combine(dir, "a.txt"), "MIT License\r\n\r\nCopyright  \r\n");
        File.WriteAllText(Path.Combine(dir, "b.txt"), "\nMIT License\n\nCopyright");
        var a = CliRunner.Run("catalogue", "hash", Path.Combine(dir, "a.txt")).Out.Trim();
        var b = CliRunner.Run("catalogue", "hash", Path.Combine(dir, "b.txt")).Out.Trim();
        Assert.Equal(64, a.Length);
        Assert.Equal(a, b);
        Directory.Delete(dir, true);
    }
}
