using System;

namespace LicenceGuard.Core.Policy;

public sealed class PolicyOptions
{
    /// <summary>The day the evaluation is for (waiver expiry, catalogue age). Passed in so evaluation stays pure.</summary>
    public DateTime Today { get; set; } = DateTime.UtcNow.Date;

    /// <summary>Warn when a figure reaches (1 - margin) of a threshold: 0.1 warns from 90%.</summary>
    public double ThresholdMargin { get; set; } = 0.1;

    /// <summary>Warn when the catalogue is older than this many days.</summary>
    public int CatalogueMaxAgeDays { get; set; } = 90;
}
