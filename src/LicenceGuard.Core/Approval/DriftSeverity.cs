using System;

namespace LicenceGuard.Core.Approval;

/// <summary>How the build reports drift from the approved lock: LicenceGuardDriftSeverity = warning | error | none.</summary>
public static class DriftSeverity
{
    /// <returns>False when the text is not one of the three; null severity means "do not report".</returns>
    public static bool TryParse(string? text, out Severity? severity)
    {
        switch ((text ?? string.Empty).Trim().ToLowerInvariant())
        {
            case "":
            case "warning":
                severity = Severity.Warning;
                return true;
            case "error":
                severity = Severity.Error;
                return true;
            case "none":
                severity = null;
                return true;
            default:
                severity = Severity.Warning;
                return false;
        }
    }
}
