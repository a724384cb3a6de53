using Microsoft.CodeAnalysis;
using DiagnosticIds = LicenceGuard.Core.Diagnostics.DiagnosticIds;

namespace LicenceGuard.Analyzers.Rules;

/// <summary>LG0007: a model parameter receives a value the build cannot know; the runtime guard is the control.</summary>
internal static class RuntimeModelRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.ModelKnownOnlyAtRuntime,
        "Model is chosen at run time and not checked by the runtime guard",
        "The model passed to {0} comes from {1}{2}, known only when the program runs: check it with the runtime guard (UseLicenceGuard() on the client builder, or ModelGuard.Require(model))",
        RuleHelp.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The build can only check models it can see. A model chosen by the environment, the user or a configuration key with no value in appsettings*.json must be checked when the program runs, by LicenceGuard.Runtime's guard.");
}
