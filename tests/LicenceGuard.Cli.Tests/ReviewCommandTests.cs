namespace LicenceGuard.Cli.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class ReviewCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lg-cli-review-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Block = """
        # The product's models. Reviewed by legal.
        organisation: { name: Example Ltd, commercial: true, monthlyActiveUsers: 1000, annualRevenue: { amount: 2000000, currency: USD } }
        models:
          - id: deepseek-ai/DeepSeek-R1   # reasoning
            aliases: [deepseek-r1]
            licence: MIT
            hosting: { mode: self-hosted }

            attribution: { notice: MODEL-NOTICES.txt }
          - id: Qwen/Qwen3-8B
            licence: Apache-2.0
            review:
              by: someone          # old review, another text
              on: 2025-01-01
              textSha256: "0000000000000000000000000000000000000000000000000000000000000000"
            hosting: { mode: self-hosted }
          - { id: meta-llama/Llama-3.1-8B-Instruct, licence: LicenseRef-Llama-3.1-Community, hosting: { mode: self-hosted } }
        """;

    private string Write(string text)
    {
        var path = Path.Combine(_dir, "models.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private string CatalogueCopy(string manifest, string model)
    {
        var (exit, text, err) = CliRunner.Run("review", model, "--manifest", manifest, "--print-text");
        Assert.True(exit == 0, err);
        var file = Path.Combine(_dir, model.Replace('/', '_') + ".txt");
        File.WriteAllText(file, text.Replace("\n", "\r\n") + "\n\n");
        return file;
    }

    [Fact]
    public void Review_OfTheCatalogueText_IsWrittenIntoTheEntry_KeepingEverythingElse()
    {
        var manifest = Write(Block);
        var text = CatalogueCopy(manifest, "deepseek-r1");
        var (exit, stdout, err) = CliRunner.Run("review", "deepseek-r1", "--manifest", manifest, "--by", "A. Sharma \"legal\"", "--text", text, "--date", "2026-12-01");
        Assert.True(exit == 0, err);
        Assert.Contains("recorded (the catalogue's text)", stdout);

        var after = File.ReadAllLines(manifest);
        var before = Block.Split('\n');
        Assert.Equal(before.Length + 1, after.Length);
        var review = Assert.Single(after, l => l.Contains("by: \"A. Sharma \\\"legal\\\"\""));
        Assert.Equal(Array.IndexOf(after, "    licence: MIT") + 1, Array.IndexOf(after, review));
        Assert.StartsWith("    review: { by: ", review);
        Assert.Contains("2026-12-01", review);
        Assert.Equal(before.Where(l => l.Length > 0), after.Where(l => l != review && l.Length > 0));

        var (_, checkOut, checkErr) = CliRunner.Run("check", "--manifest", manifest, "--today", "2026-12-02");
        var lines = (checkOut + checkErr).Split('\n');
        Assert.DoesNotContain(lines, l => l.Contains("DeepSeek-R1") && (l.Contains("LG1005") || l.Contains("LG1006")));
        Assert.Contains(lines, l => l.Contains("Llama 3.1") && l.Contains("LG1005"));
    }

    [Fact]
    public void Review_ReplacesAnOldBlockReview_AndEditsAFlowEntry()
    {
        var manifest = Write(Block);
        var (exit, _, err) = CliRunner.Run("review", "Qwen/Qwen3-8B", "--manifest", manifest, "--by", "b.o", "--text", CatalogueCopy(manifest, "Qwen/Qwen3-8B"));
        Assert.True(exit == 0, err);
        var llamaText = CatalogueCopy(manifest, "meta-llama/Llama-3.1-8B-Instruct");
        (exit, _, err) = CliRunner.Run("review", "meta-llama/Llama-3.1-8B-Instruct", "--manifest", manifest, "--by", "c.d", "--text", llamaText);
        Assert.True(exit == 0, err);

        var after = File.ReadAllText(manifest);
        Assert.DoesNotContain("someone", after);
        Assert.DoesNotContain("0000000000", after);
        Assert.Contains("    review: { by: \"b.o\"", after);
        Assert.Contains("hosting: { mode: self-hosted }, review: { by: \"c.d\"", after);
        Assert.EndsWith("} }", after.TrimEnd());
        var (_, _, checkErr) = CliRunner.Run("check", "--manifest", manifest);
        Assert.DoesNotContain("LG1005", checkErr);
        Assert.DoesNotContain("LG1006", checkErr);
        Assert.DoesNotContain("LG1002", checkErr);
    }

    [Fact]
    public void AnotherText_IsNotRecorded_AndTheMessageSaysWhatItMeans()
    {
        var manifest = Write(Block);
        var other = Path.Combine(_dir, "LICENSE");
        File.WriteAllText(other, File.ReadAllText(CatalogueCopy(manifest, "deepseek-r1")).Replace("free of charge", "for a fee"));
        var (exit, _, err) = CliRunner.Run("review", "deepseek-r1", "--manifest", manifest, "--by", "x", "--text", other);
        Assert.Equal(1, exit);
        Assert.Contains("not recorded", err);
        Assert.Contains("1 of the catalogue copy's", err);
        Assert.Contains("--print-text", err);
        Assert.Equal(Block, File.ReadAllText(manifest));
    }

    [Fact]
    public void WithoutText_SaysWhereTheLicenceIs_AndRecordsNothing()
    {
        var manifest = Write(Block);
        var (exit, stdout, err) = CliRunner.Run("review", "Qwen/Qwen3-8B", "--manifest", manifest);
        Assert.Equal(2, exit);
        Assert.Contains("Apache", stdout);
        Assert.Contains("--print-text", stdout);
        Assert.Contains("--by NAME --text FILE", err);
        Assert.Equal(Block, File.ReadAllText(manifest));
    }

    [Fact]
    public async Task AFifoAsTheText_IsRefused_WithoutHanging()
    {
        var manifest = Write(Block);
        var fifo = Path.Combine(_dir, "LICENSE.fifo");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo)) mkfifo.WaitForExit();
        var run = Task.Run(() => CliRunner.Run("review", "deepseek-r1", "--manifest", manifest, "--by", "x", "--text", fifo));
        Assert.True(await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(20))) == run, "review hung on a FIFO");
        var (exit, _, err) = await run;
        Assert.Equal(2, exit);
        Assert.Contains("FIFO", err);
        Assert.Equal(Block, File.ReadAllText(manifest));
    }

    [Theory]
    [InlineData("no-such-model", "--text", "x.txt")]
    [InlineData("deepseek-r1", "--text", "missing.txt")]
    [InlineData("deepseek-r1", "--text", ".")]
    public void BadInput_IsAClearErrorWithExitCode2(string model, string option, string value)
    {
        var manifest = Write(Block);
        var (exit, _, err) = CliRunner.Run("review", model, "--manifest", manifest, "--by", "x", option, value == "." ? _dir : Path.Combine(_dir, value));
        Assert.Equal(2, exit);
        Assert.False(string.IsNullOrWhiteSpace(err));
        Assert.DoesNotContain("   at ", err);
        Assert.Equal(Block, File.ReadAllText(manifest));
    }
}

[Collection(ConsoleCollection.Name)]
public sealed class ExplainCommandTests
{
    [Theory]
    [InlineData("LG1005")]
    [InlineData("lg1005")]
    [InlineData("1005")]
    public void Explain_PrintsTheShippedHelpPage(string id)
    {
        var (exit, stdout, _) = CliRunner.Run("explain", id);
        Assert.Equal(0, exit);
        Assert.StartsWith("# LG1005:", stdout);
    }

    [Fact]
    public void EveryHelpPage_IsShipped()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "LicenceGuard.sln"))) dir = dir.Parent;
        foreach (var page in Directory.GetFiles(Path.Combine(dir.FullName, "rules", "diagnostics"), "LG*.md"))
        {
            var id = Path.GetFileNameWithoutExtension(page);
            var (exit, stdout, _) = CliRunner.Run("explain", id);
            Assert.Equal(0, exit);
            Assert.Equal(File.ReadAllText(page).Replace("\r\n", "\n"), stdout);
        }
    }

    [Theory]
    [InlineData("LG9999")]
    [InlineData("../../etc/passwd")]
    public void UnknownId_ListsTheKnownOnes(string id)
    {
        var (exit, _, err) = CliRunner.Run("explain", id);
        Assert.Equal(2, exit);
        Assert.Contains("LG1005", err);
    }
}
