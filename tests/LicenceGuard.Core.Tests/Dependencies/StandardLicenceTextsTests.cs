using System.Text.RegularExpressions;
using LicenceGuard.Core.Dependencies;
using LicenceGuard.Core.Tests.Reports;

namespace LicenceGuard.Core.Tests.Dependencies;

public class StandardLicenceTextsTests
{
    // OllamaSharp's LICENSE (awaescher/OllamaSharp@1cce09ca130f82cb62bc9de1ea13438b397862ab), shipped in its package
    // as <license type="file">: the case that made the audit call a plain MIT package "unknown".
    private const string OllamaSharpLicence = """
        MIT License

        Copyright (c) 2023 Andreas Wäscher

        Permission is hereby granted, free of charge, to any person obtaining a copy
        of this software and associated documentation files (the "Software"), to deal
        in the Software without restriction, including without limitation the rights
        to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
        copies of the Software, and to permit persons to whom the Software is
        furnished to do so, subject to the following conditions:

        The above copyright notice and this permission notice shall be included in all
        copies or substantial portions of the Software.

        THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
        OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
        SOFTWARE.
        """;

    [Fact]
    public void RealMitLicenceFile_IsMit()
    {
        Assert.Equal("MIT", StandardLicenceTexts.Identify(OllamaSharpLicence));
    }

    [Fact]
    public void Equivalences_OfTheMatchingGuidelines_AreSetAside()
    {
        var variant = "/*\n" + string.Join("\n", OllamaSharpLicence.Split('\n').Select(l => " * " + l)) + "\n */";
        variant = variant.Replace("\"AS IS\"", "\u201CAS IS\u201D").Replace("(c)", "\u00A9").ToLowerInvariant().Replace("\n", "\r\n");
        Assert.Equal("MIT", StandardLicenceTexts.Identify(variant));
    }

    [Theory]
    [InlineData("Copyright (c) 2023 Acme. Not for commercial use.\n\n")]
    [InlineData("Copyright (c) 2023 Acme. Use is permitted only for research.\n\n")]
    public void TermsHiddenInTheCopyrightNotice_AreNotTheStandardLicence(string prefix)
    {
        var altered = OllamaSharpLicence.Replace("Copyright (c) 2023 Andreas Wäscher\n", prefix);
        Assert.Null(StandardLicenceTexts.Identify(altered));
    }

    [Fact]
    public void AnAddedClause_IsNotTheStandardLicence()
    {
        Assert.Null(StandardLicenceTexts.Identify(OllamaSharpLicence + "\nThe Software may not be used for military purposes.\n"));
    }

    [Fact]
    public void AChangedWord_IsNotTheStandardLicence()
    {
        // dotnet/corefx's LICENSE.TXT omits "any person" ("free of charge, to obtaining a copy"): not the MIT text,
        // which is why the audit knows that archived URL by its address instead.
        Assert.Null(StandardLicenceTexts.Identify(OllamaSharpLicence.Replace("to any person obtaining", "to obtaining")));
        Assert.Null(StandardLicenceTexts.Identify(OllamaSharpLicence.Replace("sublicense, and/or sell", "and/or sublicense")));
    }

    [Fact]
    public void EachTemplate_FilledWithItsOriginalText_IsRecognisedAsItself_AndNothingElse()
    {
        var ids = StandardLicenceTexts.Ids.ToList();
        Assert.Equal(new[] { "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "ISC", "MIT", "MS-PL" }, ids);
        foreach (var id in ids)
        {
            var text = Original(id);
            Assert.True(StandardLicenceTexts.Identify(text) == id, id + " filled with its originals is recognised as " + StandardLicenceTexts.Identify(text));
        }
    }

    [Fact]
    public void Apache_WithoutItsOptionalAppendix_AndBsd3_WithARealNotice_AreRecognised()
    {
        var apache = Original("Apache-2.0");
        var end = apache.IndexOf("END OF TERMS AND CONDITIONS", StringComparison.Ordinal);
        Assert.Equal("Apache-2.0", StandardLicenceTexts.Identify(apache.Substring(0, end)));

        var bsd3 = Original("BSD-3-Clause").Replace("Copyright (c) <year> <owner>.", "Copyright (c) 2016, Acme Corp.\nAll rights reserved.")
            .Replace("Neither the name of the copyright holder nor", "Neither the name of Acme Corp. nor");
        Assert.Equal("BSD-3-Clause", StandardLicenceTexts.Identify(bsd3));
    }

    [Fact]
    public void ProseAndOversizedText_AreNotRecognised()
    {
        Assert.Null(StandardLicenceTexts.Identify("All rights reserved."));
        Assert.Null(StandardLicenceTexts.Identify(string.Empty));
        Assert.Null(StandardLicenceTexts.Identify(new string('x', StandardLicenceTexts.MaxTextLength + 1)));
    }

    /// <summary>The template with each variable replaced by its original text and each optional part kept.</summary>
    private static string Original(string id)
    {
        var template = File.ReadAllText(RepoPaths.Get("rules", "spdx", id + ".template.txt"));
        template = template.Replace("<<beginOptional>>", string.Empty).Replace("<<endOptional>>", string.Empty);
        return Regex.Replace(template, @"<<var;(?:[^>""]|""(?:[^""\\]|\\.)*"")*>>",
            m => Regex.Match(m.Value, @"original=""(?<o>(?:[^""\\]|\\.)*)""").Groups["o"].Value.Replace("\\\"", "\""));
    }
}
