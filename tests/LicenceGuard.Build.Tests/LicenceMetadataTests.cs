using LicenceGuard.Build.Dependencies;
using LicenceGuard.Core.Dependencies;

namespace LicenceGuard.Build.Tests;

public class LicenceMetadataTests
{
    [Theory]
    [InlineData("https://licenses.nuget.org/MIT", "MIT")]
    [InlineData("https://licenses.nuget.org/Apache-2.0%20OR%20MIT", "(Apache-2.0 OR MIT)")]
    [InlineData("http://www.apache.org/licenses/LICENSE-2.0.html", "Apache-2.0")]
    [InlineData("https://opensource.org/licenses/MIT", "MIT")]
    [InlineData("http://opensource.org/licenses/ms-pl.html", "MS-PL")]
    [InlineData("http://go.microsoft.com/fwlink/?LinkId=329770", "LicenseRef-Microsoft-.NET-Library")]
    [InlineData("https://github.com/dotnet/corefx/blob/master/LICENSE.TXT", "MIT")]
    public void LegacyUrl_WithFixedMeaning_BecomesAnExpression(string url, string expected)
    {
        var licence = PackageInspector.FromUrl(url);
        Assert.Equal(LicenceSource.Url, licence.Source);
        Assert.Equal(expected, licence.Term?.ToString());
    }

    [Theory]
    [InlineData("https://github.com/acme/lib/blob/master/LICENSE")]
    [InlineData("not a url")]
    public void LegacyUrl_WithoutFixedMeaning_StaysUnclassified(string url)
    {
        var licence = PackageInspector.FromUrl(url);
        Assert.Null(licence.Term);
        Assert.Equal(LicenceClass.Unknown, licence.Term is null ? LicenceClass.Unknown : LicenceClass.Permissive);
    }

    [Fact]
    public void Expression_IsParsedByNuGet_IntoAndOrWith()
    {
        var term = LicenceExpressionConverter.TryParse("MIT AND (GPL-2.0-only WITH Classpath-exception-2.0 OR LGPL-2.1-or-later)", out var problem);
        Assert.Null(problem);
        var and = Assert.IsType<LicenceOperation>(term);
        Assert.Equal(LicenceOperator.And, and.Operator);
        var leaves = term!.Leaves().ToList();
        Assert.Equal(new[] { "MIT", "GPL-2.0-only", "LGPL-2.1-or-later" }, leaves.Select(l => l.Id));
        Assert.Equal("Classpath-exception-2.0", leaves[1].Exception);
    }

    [Fact]
    public void MalformedExpression_IsReportedNotThrown()
    {
        Assert.Null(LicenceExpressionConverter.TryParse("MIT AND (", out var problem));
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public void NonStandardId_IsKept_AndMarked()
    {
        var leaf = Assert.IsType<LicenceLeaf>(LicenceExpressionConverter.TryParse("Acme-Proprietary-1.0", out _));
        Assert.False(leaf.IsStandard);
    }
}
