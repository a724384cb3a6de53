using Microsoft.CodeAnalysis;
using DiagnosticIds = LicenceGuard.Core.Diagnostics.DiagnosticIds;

namespace LicenceGuard.Analyzers.Rules;

/// <summary>
/// LG0022: one model reference, declared or not, with what was written, its kind, its API and the declared model it
/// names as properties. Not a finding: it is how every reference the analyzer finds leaves the compiler, so that
/// `licenceguard scan` and the build's compliance manifest (read from the compiler's SARIF log after CoreCompile) list
/// exactly what the analyzer found. Info, so that `dotnet build` prints nothing for it and the log records it.
/// </summary>
internal static class ModelReferenceRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.ModelReferenceFound,
        "Model reference",
        "Model reference '{0}' ({1})",
        RuleHelp.Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Every place the code or configuration names a model, as the compliance manifest records it.");
}
