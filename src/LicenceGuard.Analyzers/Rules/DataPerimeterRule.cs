using Microsoft.CodeAnalysis;
using DiagnosticIds = LicenceGuard.Core.Diagnostics.DiagnosticIds;

namespace LicenceGuard.Analyzers.Rules;

/// <summary>
/// LG0003: code that handles a data class which must stay inside the perimeter (a data-classification attribute or
/// [HandlesData] on the calling member, its type, its parameters or the assembly) calls a model hosted outside it.
/// </summary>
internal static class DataPerimeterRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.DataPerimeterAtCallSite,
        "Data that must stay inside reaches a model hosted outside the perimeter",
        "'{0}' handles '{1}' data, which must stay inside the perimeter, but model '{2}' is hosted at {3}",
        RuleHelp.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "organisation.perimeter.mustStayInside in models.yaml names data classes that must not leave the company's perimeter.");
}
