using System;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace LicenceGuard.Build;

/// <summary>
/// What every LicenceGuard task shares: it never throws (an unexpected exception becomes one LicenceGuard diagnostic,
/// never MSB4018), it reports its error and warning counts, and it applies the project's NoWarn, WarningsAsErrors,
/// WarningsNotAsErrors and TreatWarningsAsErrors to LicenceGuard's warnings as the compiler applies them to its own
/// (MSBuild does not map these project properties onto warnings that tasks log).
/// </summary>
public abstract class LicenceGuardTask : Task
{
    [Output]
    public int ErrorCount { get; protected set; }

    [Output]
    public int WarningCount { get; protected set; }

    public sealed override bool Execute()
    {
        try
        {
            return Run();
        }
        catch (Exception ex)
        {
            OnUnexpected(ex);
            // A failure reported as a warning (the dependency audit's LG1104) lets the build go on.
            return !Log.HasLoggedErrors;
        }
    }

    protected abstract bool Run();

    /// <summary>The last line of defence: log one LicenceGuard diagnostic for an exception nothing else handled.</summary>
    protected abstract void OnUnexpected(Exception ex);

    public string? NoWarn { get; set; }

    public string? WarningsAsErrors { get; set; }

    public string? WarningsNotAsErrors { get; set; }

    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>LicenceGuardHelpBase: where help links point (a URL, or a folder; by default the package's pages).</summary>
    public string? HelpBase { get; set; }

    internal Core.Policy.WarningPolicy Policy => new(NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors);

    internal string? HelpLink(string id) => Core.Diagnostics.DiagnosticIds.HelpUri(id, HelpBase);

    internal void LogFinding(Core.Policy.Finding finding) => FindingLogger.Log(Log, finding, Policy, HelpLink(finding.Id));
}
