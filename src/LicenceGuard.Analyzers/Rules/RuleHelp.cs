using DiagnosticIds = LicenceGuard.Core.Diagnostics.DiagnosticIds;

namespace LicenceGuard.Analyzers.Rules;

/// <summary>
/// What every LicenceGuard rule shares. Only compile-time constants from LicenceGuard.Core are used here, so the
/// descriptors exist even when LicenceGuard.Core.dll cannot be loaded (the failure is then reported as LG0099).
/// </summary>
internal static class RuleHelp
{
    public const string Category = "LicenceGuard.Code";

    /// <summary>The help page of a rule, rules/diagnostics/LGxxxx.md, as <see cref="DiagnosticIds.HelpUri"/> builds it.</summary>
    public static string Uri(string id) => DiagnosticIds.HelpBaseUri + id + ".md";
}
