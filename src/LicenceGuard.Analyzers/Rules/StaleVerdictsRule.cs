using Microsoft.CodeAnalysis;
using DiagnosticIds = LicenceGuard.Core.Diagnostics.DiagnosticIds;

namespace LicenceGuard.Analyzers.Rules;

/// <summary>LG0020: the code rules read models.yaml's names themselves (an edit since the last build); the licence verdicts are not this text's.</summary>
internal static class StaleVerdictsRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.StaleVerdicts,
        "Licence verdicts are from the last build",
        "{0}",
        RuleHelp.Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "In a build the analyzer relays the build gate's evaluation of models.yaml. After an edit, and before the next build, it reads the declared names itself and keeps the last build's licence verdicts.");
}
