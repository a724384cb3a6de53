using Microsoft.CodeAnalysis;
using DiagnosticIds = LicenceGuard.Core.Diagnostics.DiagnosticIds;

namespace LicenceGuard.Analyzers.Rules;

/// <summary>LG0006: an appsettings*.json value under Model, ModelId, DeploymentName… that models.yaml does not declare.</summary>
internal static class ConfigurationModelRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.UndeclaredModelInConfiguration,
        "Model in configuration is not declared in models.yaml",
        "Model '{0}' under '{1}' ({2}) is not declared in models.yaml",
        RuleHelp.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Model IDs are often chosen in configuration; those in appsettings*.json AdditionalFiles are checked like those in code.");
}
