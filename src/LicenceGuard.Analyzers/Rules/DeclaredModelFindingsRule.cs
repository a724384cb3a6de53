using Microsoft.CodeAnalysis;
using DiagnosticIds = LicenceGuard.Core.Diagnostics.DiagnosticIds;

namespace LicenceGuard.Analyzers.Rules;

/// <summary>LG0002: the model is declared, but its manifest entry has findings; they are relayed at the literal.</summary>
internal static class DeclaredModelFindingsRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.DeclaredModelHasFindings,
        "Declared model has licence findings",
        "Model '{0}' is declared in models.yaml, but its entry has findings: {1}",
        RuleHelp.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The findings of the build's licence evaluation are shown where the model is used, so the squiggle explains the licence problem.");
}
