using System.Text;
using LicenceGuard.Core.AnalyzerInput;
using LicenceGuard.Core.Tests.Catalogue;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.Tests.AnalyzerInput;

/// <summary>
/// The analyzer's own YAML reader against YamlDotNet's: the same located tree for every rules file and the sample
/// manifest, the same values for YAML's quoting, folding and block-scalar rules, and a located error (never an
/// exception) for what it does not read.
/// </summary>
public class SmallYamlReaderTests
{
    public static IEnumerable<object[]> RulesFiles() =>
        Directory.GetFiles(RulesFolder.Root, "*.yaml", SearchOption.AllDirectories)
            .Concat(new[] { Path.Combine(RulesFolder.Root, "..", "samples", "HealthAssistant", "models.yaml") })
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new object[] { Path.GetRelativePath(RulesFolder.Root, f) });

    [Theory]
    [MemberData(nameof(RulesFiles))]
    public void Reads_every_rules_file_as_YamlDotNet_does(string relative)
    {
        var text = File.ReadAllText(Path.Combine(RulesFolder.Root, relative), Encoding.UTF8);
        AssertSameAsYamlDotNet(text);
    }

    [Theory]
    [InlineData("a: 1\nb:\n  - x\n  - y: 2\n    z: [3, \"4\", '5']\n")]
    [InlineData("models:\n- id: \"gpt-4o\"\n  aliases: [ 'a''b', \"c\\\"d\\u00e9\" ]  # comment\n")]
    [InlineData("k: |\n  line one\n    indented\n\n  three\nnext: >-\n  folded\n  text\n\n  para\n")]
    [InlineData("k: |+\n  keep\n\n\nz: 1\n")]
    [InlineData("k: plain\n  continued\n\n  after blank\nm: {a: 1, b: [x, y], c: }\n")]
    [InlineData("---\nk: \"multi\n  line\n\n  quoted\"\n...\n")]
    [InlineData("k:\n  - - nested\n    - list\n  -\n    a: b\nurl: https://example.com/x#y\n")]
    [InlineData("flow: [a,\n  b, # comment\n  c]\nmap: {\n  x: 1,\n  y: 2\n}\n")]
    [InlineData("\uFEFFk: v\r\nw: 'x'\r\n")]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void Reads_YAML_as_YamlDotNet_does(string yaml) => AssertSameAsYamlDotNet(yaml);

    [Theory]
    [InlineData("a: &x 1\nb: *x\n", 1, 4, "anchors")]
    [InlineData("a: \"x\"\n  b: 2\n", 2, 3, "indented further")]
    [InlineData("a: [1, 2\n", 1, 4, "not closed")]
    [InlineData("a: \"open\n", 1, 4, "not closed")]
    [InlineData("a: 1\na: 2\n", 2, 1, "appears twice")]
    [InlineData("a: 1\n---\nb: 2\n", 2, 1, "one YAML document")]
    [InlineData("a:\n\t- x\n", 2, 1, "tab")]
    [InlineData("a: b: c\n", 1, 5, "quote the value")]
    [InlineData("a: \"\\q\"\n", 1, 6, "unknown escape")]
    public void Reports_what_it_cannot_read_at_its_place(string yaml, int line, int column, string words)
    {
        var node = SmallYamlReader.Read(yaml, "models.yaml", out var error);
        Assert.Null(node);
        Assert.NotNull(error);
        Assert.Equal((line, column), (error!.Location.Line, error.Location.Column));
        Assert.Contains(words, error.Message, StringComparison.Ordinal);
        Assert.Equal("models.yaml", error.Location.File);
    }

    [Fact]
    public void Refuses_nesting_deeper_than_the_limit_with_a_location()
    {
        var yaml = new string('[', 100) + new string(']', 100);
        Assert.Null(SmallYamlReader.Read("k: " + yaml + "\n", "m.yaml", out var error));
        Assert.Contains("nested more than", error!.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Location.Line);
    }

    private static void AssertSameAsYamlDotNet(string yaml)
    {
        var expected = YamlTreeReader.ReadText(yaml, "f.yaml", out var expectedError);
        Assert.Null(expectedError);
        var actual = SmallYamlReader.Read(yaml, "f.yaml", out var error);
        Assert.True(error is null, error?.ToString());
        Assert.Equal(Describe(expected), Describe(actual));
    }

    /// <summary>The tree as text: kinds, values, quoting and where each non-empty scalar and each collection starts.</summary>
    private static string Describe(YNode? node)
    {
        var s = new StringBuilder();
        Write(node, s, 0);
        return s.ToString();
    }

    private static void Write(YNode? node, StringBuilder s, int depth)
    {
        var pad = new string(' ', depth * 2);
        switch (node)
        {
            case null:
                s.Append(pad).Append("(none)\n");
                break;
            case YScalar scalar:
                s.Append(pad).Append(scalar.Quoted ? "quoted " : "plain ").Append(Escape(scalar.Value));
                if (scalar.Value.Length > 0) s.Append(" @").Append(scalar.Location.Line).Append(',').Append(scalar.Location.Column);
                s.Append('\n');
                break;
            case YSequence sequence:
                s.Append(pad).Append("list @").Append(sequence.Location.Line).Append(',').Append(sequence.Location.Column).Append('\n');
                foreach (var item in sequence.Items) Write(item, s, depth + 1);
                break;
            case YMapping mapping:
                s.Append(pad).Append("mapping @").Append(mapping.Location.Line).Append(',').Append(mapping.Location.Column).Append('\n');
                foreach (var entry in mapping.Entries)
                {
                    Write(entry.Key, s, depth + 1);
                    Write(entry.Value, s, depth + 2);
                }
                break;
        }
    }

    private static string Escape(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\"", "\\\"") + "\"";
}
