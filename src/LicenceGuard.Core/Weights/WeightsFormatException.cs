using System;

namespace LicenceGuard.Core.Weights;

/// <summary>A weights header that is truncated, corrupt or claims more than the file holds (reported as LG2006).</summary>
public sealed class WeightsFormatException : Exception
{
    public WeightsFormatException(string message) : base(message) { }
}
