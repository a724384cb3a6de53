using System;
using System.Collections.Generic;
using System.Linq;
using LicenceGuard.Analyzers.Detection;
using LicenceGuard.Analyzers.Manifest;
using LicenceGuard.Analyzers.Rules;
using LicenceGuard.Core.Policy;
using Microsoft.CodeAnalysis;

namespace LicenceGuard.Analyzers;

/// <summary>
/// Turns one model reference into the diagnostics it deserves, against one models.yaml snapshot: undeclared (LG0001),
/// declared with findings (LG0002), data perimeter (LG0003), pickle file (LG0004), and for literals outside known APIs
/// the lower-severity LG0005.
/// </summary>
internal sealed class ReferenceReporter
{
    private readonly ManifestState _state;

    public ReferenceReporter(ManifestState state) => _state = state;

    /// <summary>A reference that flows into a known API or a [ModelId] parameter or property.</summary>
    public void ReportFlow(ModelReference reference, ISymbol? caller, Action<Diagnostic> report)
    {
        var entry = _state.Find(reference.Literal);
        if (entry is null)
        {
            var match = ModelClassification.Match(_state.Catalogue, reference.Literal);
            var via = reference.Api is null ? reference.Kind : "passed to " + reference.Api;
            report(Diagnostic.Create(UndeclaredModelRule.Descriptor, reference.Location,
                ModelClassification.Properties(reference.Literal, reference.Kind, match),
                reference.Literal, via, ModelClassification.Describe(match)));
        }
        else
        {
            ReportDeclared(reference.Literal, entry, reference.Location, report);
            ReportPerimeter(reference, entry, caller, report);
        }
        if (ModelText.IsPickle(reference.Literal) && (reference.Kind == ReferenceKinds.LocalModelPath || ModelText.IsModelFilePath(reference.Literal)))
            report(Diagnostic.Create(UnsafeModelFileRule.Descriptor, reference.Location, reference.Literal));
    }

    /// <summary>Whether <see cref="ReportLiteral"/> would report anything for this text (no binding needed to know).</summary>
    public bool WouldReportLiteral(string literal)
    {
        var entry = _state.Find(literal);
        if (entry != null) return _state.FindingsOf(entry) != null;
        if (ModelText.IsModelFilePath(literal)) return true;
        var match = ModelClassification.Match(_state.Catalogue, literal);
        return match != null && ModelClassification.IsConfident(match);
    }

    /// <summary>A string literal outside known APIs: only what the manifest or the catalogue recognises is reported.</summary>
    public void ReportLiteral(string literal, Location location, Action<Diagnostic> report)
    {
        var entry = _state.Find(literal);
        if (entry != null)
        {
            ReportDeclared(literal, entry, location, report);
        }
        else
        {
            var match = ModelClassification.Match(_state.Catalogue, literal);
            var isFile = ModelText.IsModelFilePath(literal);
            if (match != null && ModelClassification.IsConfident(match))
            {
                report(Diagnostic.Create(PossibleModelReferenceRule.Descriptor, location,
                    ModelClassification.Properties(literal, isFile ? ReferenceKinds.LocalModelPath : ReferenceKinds.Literal, match),
                    literal, ModelClassification.Describe(match)));
            }
            else if (isFile && !ModelText.IsPickle(literal))
            {
                report(Diagnostic.Create(PossibleModelReferenceRule.Descriptor, location,
                    ModelClassification.Properties(literal, ReferenceKinds.LocalModelPath, null),
                    literal, "a model weights file"));
            }
        }
        if (ModelText.IsLikelyPickleModel(literal, entry != null))
            report(Diagnostic.Create(UnsafeModelFileRule.Descriptor, location, literal));
    }

    private void ReportDeclared(string literal, Core.Manifest.ModelEntry entry, Location location, Action<Diagnostic> report)
    {
        var findings = _state.FindingsOf(entry);
        if (findings is null) return;
        report(Diagnostic.Create(DeclaredModelFindingsRule.Descriptor, location,
            ModelClassification.Properties(literal, ReferenceKinds.Literal, null), entry.Id.Value, findings));
    }

    private void ReportPerimeter(ModelReference reference, Core.Manifest.ModelEntry entry, ISymbol? caller, Action<Diagnostic> report)
    {
        var perimeter = _state.Manifest?.Organisation.Perimeter;
        if (perimeter is null || perimeter.MustStayInside.Count == 0 || caller is null) return;
        var mustStay = new HashSet<string>(perimeter.MustStayInside.Select(m => m.Value), StringComparer.OrdinalIgnoreCase);
        var handled = DataClasses.HandledBy(caller).Where(mustStay.Contains).ToList();
        if (handled.Count == 0) return;
        if (PerimeterMatcher.IsInside(entry, perimeter, out var where)) return;
        report(Diagnostic.Create(DataPerimeterRule.Descriptor, reference.Location,
            caller.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), string.Join(", ", handled), entry.Id.Value, where));
    }
}
