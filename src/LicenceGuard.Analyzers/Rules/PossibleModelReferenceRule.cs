using Microsoft.CodeAnalysis;
using DiagnosticIds = LicenceGuard.Core.Diagnostics.DiagnosticIds;

namespace LicenceGuard.Analyzers.Rules;

/// <summary>LG0005: a string literal outside the known APIs that the catalogue recognises as a model, not declared.</summary>
internal static class PossibleModelReferenceRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.PossibleModelReference,
        "String looks like a model ID that is not declared",
        "'{0}' looks like a model ID ({1}) but is not declared in models.yaml",
        RuleHelp.Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "A model ID can reach an SDK through code LicenceGuard does not follow; declare it, or suppress when the string is not a model.");
}
