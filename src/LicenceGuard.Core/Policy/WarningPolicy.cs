using System;
using System.Collections.Generic;

namespace LicenceGuard.Core.Policy;

/// <summary>
/// The project's warning properties (NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors), as sets of
/// codes: which LicenceGuard warnings to silence or promote. The build applies them to what it logs, and `check` to
/// what it prints, given the same properties as options.
/// </summary>
public sealed class WarningPolicy
{
    private readonly HashSet<string> _noWarn;
    private readonly HashSet<string> _asErrors;
    private readonly HashSet<string> _notAsErrors;
    private readonly bool _all;

    public WarningPolicy(string? noWarn, string? asErrors, string? notAsErrors, bool treatAllAsErrors)
    {
        _noWarn = Codes(noWarn);
        _asErrors = Codes(asErrors);
        _notAsErrors = Codes(notAsErrors);
        _all = treatAllAsErrors;
    }

    public bool IsSilenced(string code) => _noWarn.Contains(code);

    public bool IsError(string code) => _asErrors.Contains(code) || (_all && !_notAsErrors.Contains(code));

    /// <summary>The severity a finding is reported at: a waived one is a message; a warning may be silenced or promoted.</summary>
    public Severity Reported(Finding finding)
    {
        var severity = finding.EffectiveSeverity;
        if (severity != Severity.Warning) return severity;
        if (IsSilenced(finding.Id)) return Severity.Info;
        return IsError(finding.Id) ? Severity.Error : severity;
    }

    private static HashSet<string> Codes(string? list)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(list)) return set;
        foreach (var part in list!.Split(new[] { ';', ',', ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries))
            set.Add(part.Trim());
        return set;
    }
}
