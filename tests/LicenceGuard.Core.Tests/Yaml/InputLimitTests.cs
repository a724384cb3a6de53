using System.Diagnostics;
using System.Text;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Yaml;
using Xunit.Abstractions;

namespace LicenceGuard.Core.Tests.Yaml;

/// <summary>
/// Each processing limit, hit on purpose: the located error it gives, and the memory the refusal cost, measured as
/// the bytes this thread allocated (every allocation counts, so what was held at any moment is at most this).
/// </summary>
public sealed class InputLimitTests : IDisposable
{
    private const long MiB = 1024 * 1024;
    private readonly string _dir = Directory.CreateTempSubdirectory("lg-limits-").FullName;
    private readonly ITestOutputHelper _output;

    public InputLimitTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string text)
    {
        var path = Path.Combine(_dir, "models.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private (T Result, long Allocated) Measure<T>(Func<T> action, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var clock = Stopwatch.StartNew();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = action();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        _output.WriteLine($"{test}: {allocated / MiB} MiB allocated in {clock.ElapsedMilliseconds} ms");
        return (result, allocated);
    }

    [Fact]
    public void FiftyMegabyteModelId_Triggers_LocatedError_Under200MB()
    {
        var path = Write("organisation: { commercial: false }\nmodels:\n  - id: " + new string('a', 50_000_000) + "\n");
        var (read, allocated) = Measure(() => ManifestReader.ReadFile(path));
        var f = Assert.Single(read.Findings);
        Assert.Equal(DiagnosticIds.ManifestUnreadable, f.Id);
        Assert.Equal(path, f.Location.File);
        Assert.Contains($"over the limit of {YamlLimits.Default.MaxBytes}", f.Message);
        Assert.True(allocated < 200 * MiB, $"{allocated / MiB} MiB allocated");
    }

    [Fact]
    public void ValueOverTheScalarLimit_Triggers_AtItsLine_Under64MB()
    {
        var path = Write("organisation: { commercial: false }\nmodels:\n  - id: " + new string('a', 1_000_000) + "\n");
        var (read, allocated) = Measure(() => ManifestReader.ReadFile(path));
        var f = Assert.Single(read.Findings);
        Assert.Equal((3, 9), (f.Location.Line, f.Location.Column));
        Assert.Equal("a value of 1000000 characters, over the limit of 16384", f.Message);
        Assert.True(allocated < 64 * MiB, $"{allocated / MiB} MiB allocated");
    }

    [Fact]
    public void MoreNodesThanTheLimit_Triggers_AtTheFirstNodeOver_Under1GB()
    {
        var sb = new StringBuilder("models:\n");
        for (var i = 0; i <= YamlLimits.Default.MaxNodes; i++) sb.Append("- a\n");
        var path = Write(sb.ToString());
        var (read, allocated) = Measure(() => ManifestReader.ReadFile(path));
        var f = Assert.Single(read.Findings);
        Assert.Equal($"the file has more than {YamlLimits.Default.MaxNodes} YAML nodes", f.Message);
        Assert.True(f.Location.Line > YamlLimits.Default.MaxNodes - 10);
        Assert.True(allocated < 1024 * MiB, $"{allocated / MiB} MiB allocated");
    }

    [Fact]
    public void TwoHundredThousandModels_Triggers_LocatedError_Under1GB_InSeconds()
    {
        var path = Write(Models(200_000));
        var clock = Stopwatch.StartNew();
        var (result, allocated) = Measure(() => ComplianceCheck.RunFile(path));
        var f = Assert.Single(result.Findings);
        Assert.Equal(DiagnosticIds.ManifestUnreadable, f.Id);
        Assert.Equal($"the file has more than {YamlLimits.Default.MaxNodes} YAML nodes", f.Message);
        Assert.True(f.Location.Line > 2);
        Assert.True(allocated < 1024 * MiB, $"{allocated / MiB} MiB allocated");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{clock.Elapsed}");
    }

    [Fact]
    public void MoreModelsThanTheLimit_Triggers_LG1052_AtTheFirstModelOver_Under1GB()
    {
        var path = Write(Models(ComplianceCheck.MaxModels + 1));
        var (result, allocated) = Measure(() => ComplianceCheck.RunFile(path));
        var f = Assert.Single(result.Findings);
        Assert.Equal(DiagnosticIds.InputOverLimit, f.Id);
        Assert.Equal(ComplianceCheck.MaxModels + 3, f.Location.Line);
        Assert.Contains($"declares {ComplianceCheck.MaxModels + 1} models, over the limit of {ComplianceCheck.MaxModels}", f.Message);
        Assert.True(allocated < 1024 * MiB, $"{allocated / MiB} MiB allocated");
    }

    private static string Models(int count)
    {
        var sb = new StringBuilder("organisation: { commercial: true }\nmodels:\n");
        for (var i = 0; i < count; i++) sb.Append("  - { id: example/model-").Append(i).Append(", licence: MIT }\n");
        return sb.ToString();
    }

    [Fact]
    public void MoreFindingsThanTheLimit_AreCounted_InOneLG1052()
    {
        var sb = new StringBuilder("organisation: { commercial: true }\nmodels:\n");
        // Each model is unreviewed (LG1005) and non-commercial in a commercial product (LG1007): two findings apiece.
        for (var i = 0; i < 6000; i++) sb.Append("  - { id: example/model-").Append(i).Append(", licence: CC-BY-NC-4.0 }\n");
        var path = Write(sb.ToString());
        var (result, allocated) = Measure(() => ComplianceCheck.RunFile(path));
        Assert.Equal(ComplianceCheck.MaxFindings + 1, result.Findings.Count);
        var last = result.Findings[^1];
        Assert.Equal(DiagnosticIds.InputOverLimit, last.Id);
        Assert.Matches("^[0-9]+ more finding\\(s\\) over the limit of 10000 are not listed", last.Message);
        Assert.True(result.HasErrors);
        Assert.True(allocated < 1024 * MiB, $"{allocated / MiB} MiB allocated");
    }

    [Fact]
    public void NestingDeeperThanTheLimit_Triggers_AtTheFirstLevelOver_Under64MB()
    {
        var path = Write("models: " + new string('[', 1_000_000) + new string(']', 1_000_000) + "\n");
        var (read, allocated) = Measure(() => ManifestReader.ReadFile(path));
        var f = Assert.Single(read.Findings);
        Assert.Equal((1, 8 + YamlLimits.Default.MaxDepth), (f.Location.Line, f.Location.Column));
        Assert.Equal($"the YAML is nested more than {YamlLimits.Default.MaxDepth} levels deep", f.Message);
        Assert.True(allocated < 64 * MiB, $"{allocated / MiB} MiB allocated");
    }

    [Fact]
    public void AliasesExpandingPastTheNodeLimit_Trigger_AtTheAlias_Under64MB()
    {
        var sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++) sb.Append($"a{i}: &a{i} [" + string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10)) + "]\n");
        var path = Write(sb.ToString());
        var (read, allocated) = Measure(() => ManifestReader.ReadFile(path));
        var f = Assert.Single(read.Findings);
        Assert.Equal($"aliases expand the file to more than {YamlLimits.Default.MaxNodes} YAML nodes", f.Message);
        Assert.Equal(6, f.Location.Line); // a5 stands for 1,111,111 nodes
        Assert.True(allocated < 64 * MiB, $"{allocated / MiB} MiB allocated");
    }

    [Fact]
    public void TabIndentation_Triggers_AtTheTabsLine()
    {
        var f = Assert.Single(ManifestReader.ReadText("organisation:\n  name: X\n  commercial: true\nmodels:\n\t- id: a\n", "models.yaml").Findings);
        Assert.Equal((5, 1), (f.Location.Line, f.Location.Column));
        Assert.Contains("tab", f.Message);
    }
}
