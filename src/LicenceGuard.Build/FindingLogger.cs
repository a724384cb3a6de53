using LicenceGuard.Core;
using LicenceGuard.Core.Policy;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace LicenceGuard.Build;

/// <summary>
/// Logs findings as MSBuild errors and warnings with their code, help link and models.yaml(line,col), so that NoWarn,
/// WarningsAsErrors and WarningsNotAsErrors apply as they do to compiler warnings. Waived findings become messages.
/// </summary>
internal static class FindingLogger
{
    public static void Log(TaskLoggingHelper log, Finding f, WarningPolicy policy, string? helpLink)
    {
        var loc = f.Location;
        var file = loc.File;
        var line = loc.IsNone ? 0 : loc.Line;
        var column = loc.IsNone ? 0 : loc.Column;
        switch (policy.Reported(f))
        {
            case Severity.Error:
                log.LogError(null, f.Id, null, helpLink, file, line, column, 0, 0, "{0}", f.Message);
                break;
            case Severity.Warning:
                log.LogWarning(null, f.Id, null, helpLink, file, line, column, 0, 0, "{0}", f.Message);
                break;
            default:
                log.LogMessage(null, f.Id, null, file, line, column, 0, 0, MessageImportance.High, "{0}{1}", f.Message, f.WaiverNote);
                break;
        }
    }
}
