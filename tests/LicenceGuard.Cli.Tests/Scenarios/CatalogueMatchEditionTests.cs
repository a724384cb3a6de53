using System.Text.Json;

namespace LicenceGuard.Cli.Tests.Scenarios;

/// <summary><c>licenceguard catalogue match</c> gives each model the facts of its own licence text.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CatalogueMatchEditionTests
{
    [Theory]
    [InlineData("tencent/Tencent-Hunyuan-Large", "Tencent-Hunyuan-Large Release Date: November 5, 2024", "ebd162eb2323150745ffd44cfdfb5de8ab1b99177ed32cd1f6382d5d4ac93a8e", "EU")]
    [InlineData("tencent/Hunyuan-A13B-Instruct", "TENCENT HUNYUAN COMMUNITY LICENSE AGREEMENT", "ea3383a053a819c8fa83a208223e61a696257dbafbf72d37c756fa9fd1c54b96", "EU,GB,KR")]
    [InlineData("tencent/HunyuanVideo", "Tencent HunyuanVideo Release Date: December 3, 2024", "4d5a9e9fae0eea228032387db67ddf159915a5a06571ca3f56e20e1884ffe5c0", "EU,GB,KR")]
    [InlineData("Qwen/Qwen-1_8B-Chat", "Tongyi Qianwen RESEARCH LICENSE AGREEMENT", "41c2cf8c272f6fb0080a97cd9d9bd7d4604072b80a0b10e7d65ca26ef5000c0c", "")]
    [InlineData("ai/deepseek-r1-distill-llama", "Llama 3.1 Community License Agreement", "95d487fdf20676f697fb64eda4617a2afecc813cc3376c20e94ac3d5b82e8d1a", "")]
    [InlineData("XiaomiMiMo/MiMo-V2.5-Pro", "MIT License", "c3b1b78bc8bd3ea13aa4bc9778442d16560270afa235006d816e5e88cef24db4", "")]
    [InlineData("XiaomiMiMo/MiMo-7B-RL", "MIT License", "c3b1b78bc8bd3ea13aa4bc9778442d16560270afa235006d816e5e88cef24db4", "")]
    [InlineData("XiaomiMiMo/MiMo-V2-Flash", "MIT License", "c3b1b78bc8bd3ea13aa4bc9778442d16560270afa235006d816e5e88cef24db4", "")]
    [InlineData("qwq:32b", "Apache License 2.0", "43070e2d4e532684de521b885f385d0841030efa2b1a20bafb76133a5e1379c1", "")]
    [InlineData("nomic-embed-text", "Apache License 2.0", "43070e2d4e532684de521b885f385d0841030efa2b1a20bafb76133a5e1379c1", "")]
    public void Match_GivesTheFactsOfTheModelsOwnText(string model, string name, string sha, string excluded)
    {
        var (exit, output, error) = CliRunner.Run("catalogue", "match", model, "--format", "json");
        Assert.True(exit == 0, error);
        using var doc = JsonDocument.Parse(output);
        var licence = doc.RootElement[0].GetProperty("licence");
        Assert.Contains(name, licence.GetProperty("name").GetString());
        Assert.Equal(sha, licence.GetProperty("textSha256").GetString());
        Assert.Equal(excluded, string.Join(",", licence.GetProperty("territoryExclusions").EnumerateArray().Select(e => e.GetString())));
    }

    [Fact]
    public void Match_Text_NamesTheEditionRevisionAndHash()
    {
        var (exit, output, _) = CliRunner.Run("catalogue", "match", "tencent/Tencent-Hunyuan-Large");
        Assert.Equal(0, exit);
        Assert.Contains("revision 2024-11-05", output);
        Assert.Contains("text SHA-256 ebd162eb2323150745ffd44cfdfb5de8ab1b99177ed32cd1f6382d5d4ac93a8e", output);
        Assert.Contains("excludes EU", output);
    }

    [Fact]
    public void Explain_ListsUseRestrictions_WithTheirClause()
    {
        var (exit, output, _) = CliRunner.Run("catalogue", "explain", "deepseek-ai/DeepSeek-V3");
        Assert.Equal(0, exit);
        Assert.Contains("Use restriction (military): the whole field — \"For military use in any way;\"", output);
        Assert.Contains("Use restrictions must be passed on", output);
    }
}
