using System;
using System.Collections.Generic;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace LicenceGuard.Build;

/// <summary>
/// The project's NoWarn, WarningsAsErrors, WarningsNotAsErrors and TreatWarningsAsErrors applied to LicenceGuard's
/// warnings, as the compiler applies them to its own. MSBuild does not map these project properties onto warnings that
/// tasks log, so the tasks apply them.
/// </summary>
public abstract class WarningPolicyTask : Task
{
    public string? NoWarn { get; set; }

    public string? WarningsAsErrors { get; set; }

    public string? WarningsNotAsErrors { get; set; }

    public bool TreatWarningsAsErrors { get; set; }

    internal WarningPolicy Policy => new(NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors);
}

internal sealed class WarningPolicy
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

    public static readonly WarningPolicy None = new(null, null, null, false);

    public bool IsSilenced(string code) => _noWarn.Contains(code);

    public bool IsError(string code) => _asErrors.Contains(code) || (_all && !_notAsErrors.Contains(code));

    private static HashSet<string> Codes(string? list)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(list)) return set;
        foreach (var part in list!.Split(new[] { ';', ',', ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries))
            set.Add(part.Trim());
        return set;
    }
}
