using Microsoft.CodeAnalysis;
using DiagnosticIds = LicenceGuard.Core.Diagnostics.DiagnosticIds;

namespace LicenceGuard.Analyzers.Rules;

/// <summary>LG0021: the editor's reader could not read models.yaml (a syntax error, or YAML beyond its subset), located.</summary>
internal static class ManifestNotReadRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.ManifestNotReadInEditor,
        "models.yaml could not be read in the editor",
        "{0}",
        RuleHelp.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The analyzer reads models.yaml with a small YAML reader of its own (no third-party assembly in the compiler). The build's full reader reports the file authoritatively (LG1001).");
}
