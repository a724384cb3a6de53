using LicenceGuard.Core.Text;

namespace LicenceGuard.Core.Tests.Text;

/// <summary>The hand-written comparisons answer exactly as the framework's, for every UTF-16 code unit.</summary>
public class CaseFoldTests
{
    private static IEnumerable<char> Partners(char c)
    {
        yield return c;
        yield return char.ToUpperInvariant(c);
        yield return char.ToLowerInvariant(c);
        if (c < 127) { yield return (char)(c ^ 0x20); yield return (char)(c + 1); }
        yield return 'S';
        yield return 'I';
        yield return 'K';
    }

    [Fact]
    public void Comparisons_AgreeWithTheFramework_ForEveryCodeUnit()
    {
        var wrong = new List<string>();
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            foreach (var d in Partners(c))
            {
                var text = "x" + c;
                var affix = d.ToString();
                var expected = text.EndsWith(affix, StringComparison.OrdinalIgnoreCase);
                if (CaseFold.EndsWithOrdinalIgnoreCase(text, affix) != expected) wrong.Add($"ends U+{i:X4}/U+{(int)d:X4}");
                if (CaseFold.EndsWithOrdinalIgnoreCase(text + d, text.Length, affix) != expected) wrong.Add($"ends in range U+{i:X4}/U+{(int)d:X4}");
                text = c + "x";
                expected = text.StartsWith(affix, StringComparison.OrdinalIgnoreCase);
                if (CaseFold.StartsWithOrdinalIgnoreCase(text, affix) != expected) wrong.Add($"starts U+{i:X4}/U+{(int)d:X4}");
                if (CaseFold.StartsWithOrdinalIgnoreCase(d + text, 1, text.Length, affix) != expected) wrong.Add($"starts in range U+{i:X4}/U+{(int)d:X4}");
            }
            if (CaseFold.ToLowerInvariant(c) != char.ToLowerInvariant(c)) wrong.Add($"lower U+{i:X4}");
        }
        Assert.Empty(wrong.Take(20));
    }

    [Theory]
    [InlineData("model.ONNX", ".onnx")]
    [InlineData("model.onnx", ".onnx")]
    [InlineData("onnx", ".onnx")]
    [InlineData("", ".bin")]
    [InlineData("x.bın", ".bin")]
    [InlineData("moDELſ/x", "models/")]
    [InlineData("MODELS/x", "models/")]
    [InlineData("\uD801\uDC00.onnx", "\uD801\uDC28.onnx")]
    [InlineData("mode", "models/")]
    public void EndsAndStartsWith_AgreeWithTheFramework(string text, string affix)
    {
        Assert.Equal(text.EndsWith(affix, StringComparison.OrdinalIgnoreCase), CaseFold.EndsWithOrdinalIgnoreCase(text, affix));
        Assert.Equal(text.StartsWith(affix, StringComparison.OrdinalIgnoreCase), CaseFold.StartsWithOrdinalIgnoreCase(text, affix));
        // The same text inside a longer one, compared only within its range.
        var padded = "ab" + text + affix;
        Assert.Equal(text.EndsWith(affix, StringComparison.OrdinalIgnoreCase), CaseFold.EndsWithOrdinalIgnoreCase(padded, 2 + text.Length, affix));
        Assert.Equal(text.StartsWith(affix, StringComparison.OrdinalIgnoreCase), CaseFold.StartsWithOrdinalIgnoreCase(affix + text, affix.Length, text.Length, affix));
    }
}
