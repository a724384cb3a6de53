using Microsoft.CodeAnalysis;
using DiagnosticIds = LicenceGuard.Core.Diagnostics.DiagnosticIds;

namespace LicenceGuard.Analyzers.Rules;

/// <summary>LG0001: a model reference in code that models.yaml does not declare. An error: nobody reviewed its licence.</summary>
internal static class UndeclaredModelRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.UndeclaredModel,
        "Model is not declared in models.yaml",
        "Model '{0}' ({1}) is not declared in models.yaml: {2}; add it with a licence review, or suppress with a justification",
        RuleHelp.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Every model the code uses must be declared in models.yaml with its licence and a person's review of it.");
}
