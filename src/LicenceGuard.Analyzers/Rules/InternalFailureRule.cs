using Microsoft.CodeAnalysis;
using DiagnosticIds = LicenceGuard.Core.Diagnostics.DiagnosticIds;

namespace LicenceGuard.Analyzers.Rules;

/// <summary>
/// LG0099: the analyzer could not run (a dependency failed to load, models.yaml could not be analysed…). Every
/// exception is turned into this one diagnostic, so a build never sees AD0001 from LicenceGuard.
/// </summary>
internal static class InternalFailureRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.AnalyzerInternalFailure,
        "LicenceGuard analyzer could not run",
        "LicenceGuard analyzer could not {0}: {1}",
        RuleHelp.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The model checks of this compilation did not run; the build's own LicenceGuard task still checks models.yaml.",
        customTags: WellKnownDiagnosticTags.CompilationEnd);
}
