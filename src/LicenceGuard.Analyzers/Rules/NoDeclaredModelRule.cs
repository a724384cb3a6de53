using Microsoft.CodeAnalysis;
using DiagnosticIds = LicenceGuard.Core.Diagnostics.DiagnosticIds;

namespace LicenceGuard.Analyzers.Rules;

/// <summary>LG0008: models.yaml declares no model while the project references an AI SDK of rules/sdk-apis.yaml.</summary>
internal static class NoDeclaredModelRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.NoModelDeclared,
        "Project uses an AI SDK but models.yaml declares no model",
        "models.yaml declares no model, but the project uses {0}: declare every model the code uses, with its licence review",
        RuleHelp.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An empty models.yaml beside an AI SDK usually means the models were never recorded; the build cannot vouch for models chosen at run time either.",
        customTags: WellKnownDiagnosticTags.CompilationEnd);
}
