using System.Globalization;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Policy;
using LicenceGuard.Core.Reports;
using LicenceGuard.Core.Text;

namespace LicenceGuard.Core.Tests.Text;

public class DatesTests
{
    [Fact]
    public void Days_AreGregorian_OnAThaiLocaleMachine()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("th-TH");
        try
        {
            Assert.Equal("2026-11-29", Dates.Day(new DateTime(2026, 11, 29)));
            Assert.Null(Dates.Day((DateTime?)null));
            var finding = Finding.Create("LG1009", "over the threshold", new SourceLocation("models.yaml", 3, 5));
            finding.WaivedBy = new Waiver { Reason = "agreed", Approver = "c.officer", Expires = new DateTime(2027, 1, 31) };
            Assert.EndsWith("(waived until 2027-01-31 by c.officer: agreed)", finding.ToMsBuildString());
            var sarif = SarifWriter.Generate(new[] { finding });
            Assert.Contains("expires 2027-01-31", sarif);
            Assert.DoesNotContain("2570", sarif);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
