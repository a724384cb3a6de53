using LicenceGuard.Core.Dependencies;

namespace LicenceGuard.Core.Tests.Dependencies;

public class LicenceClassifierTests
{
    [Theory]
    [InlineData("MIT", LicenceClass.Permissive)]
    [InlineData("Apache-2.0", LicenceClass.Permissive)]
    [InlineData("BSD-3-Clause", LicenceClass.Permissive)]
    [InlineData("LGPL-2.1-only", LicenceClass.WeakCopyleft)]
    [InlineData("LGPL-2.1+", LicenceClass.WeakCopyleft)]
    [InlineData("MPL-2.0", LicenceClass.WeakCopyleft)]
    [InlineData("MS-PL", LicenceClass.WeakCopyleft)]
    [InlineData("GPL-3.0-or-later", LicenceClass.StrongCopyleft)]
    [InlineData("GPL-2.0", LicenceClass.StrongCopyleft)]
    [InlineData("AGPL-3.0-only", LicenceClass.StrongCopyleft)]
    [InlineData("CC-BY-NC-4.0", LicenceClass.Proprietary)]
    [InlineData("UNLICENSED", LicenceClass.Proprietary)]
    [InlineData("LicenseRef-Microsoft-.NET-Library", LicenceClass.Proprietary)]
    [InlineData("Some-Vendor-Licence", LicenceClass.Unknown)]
    public void SpdxId_IsClassified(string id, LicenceClass expected) => Assert.Equal(expected, LicenceClassifier.Classify(id));

    [Fact]
    public void GplWithClasspathException_IsWeakCopyleft_OtherExceptionsKeepTheClass()
    {
        Assert.Equal(LicenceClass.WeakCopyleft, LicenceClassifier.Classify("GPL-2.0-only", "Classpath-exception-2.0"));
        Assert.Equal(LicenceClass.StrongCopyleft, LicenceClassifier.Classify("GPL-2.0-only", "Font-exception-2.0"));
    }

    [Fact]
    public void ClassNames_RoundTrip()
    {
        foreach (var name in LicenceClassNames.All)
        {
            Assert.True(LicenceClassNames.TryParse(name, out var c));
            Assert.Equal(name, c.ToName());
        }
        Assert.False(LicenceClassNames.TryParse("copyleft", out _));
    }
}
