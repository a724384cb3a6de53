using System.Globalization;

namespace LicenceGuard.Core.Policy;

/// <summary>
/// The evaluation's knobs as text, read one way for the build's properties (LicenceGuardThresholdMargin,
/// LicenceGuardCatalogueMaxAgeDays) and the CLI's options (--margin, --catalogue-max-age-days), so that a value one
/// accepts the other accepts too, with the same meaning.
/// </summary>
public static class PolicyOptionText
{
    public const string MarginExpected = "a fraction between 0 and 1";
    public const string MaxAgeExpected = "a whole number of days";

    /// <summary>A threshold margin: invariant culture, 0 ≤ margin &lt; 1 (0.1 warns from 90% of a threshold).</summary>
    public static bool TryMargin(string text, out double margin) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out margin) && margin >= 0 && margin < 1;

    /// <summary>The catalogue's maximum age: a non-negative whole number of days.</summary>
    public static bool TryMaxAgeDays(string text, out int days) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out days) && days >= 0;
}
