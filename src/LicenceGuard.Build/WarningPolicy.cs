using System;
using System.Collections.Generic;

namespace LicenceGuard.Build;

/// <summary>The project's warning properties, as sets of codes: which LicenceGuard warnings to silence or promote.</summary>
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
