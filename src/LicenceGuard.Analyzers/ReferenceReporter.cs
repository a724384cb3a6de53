using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using LicenceGuard.Analyzers.Detection;
using LicenceGuard.Analyzers.Detection.Flow;
using LicenceGuard.Analyzers.Manifest;
using LicenceGuard.Analyzers.Rules;
using LicenceGuard.Core.AnalyzerInput;
using LicenceGuard.Core.CodeApis;
using LicenceGuard.Core.Text;
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
    // A value followed from several calls is reported once per place and message.
    private readonly ConcurrentDictionary<string, byte> _reported = new(StringComparer.Ordinal);

    public ReferenceReporter(ManifestState state) => _state = state;

    /// <summary>
    /// The origins of a model parameter's value (see <see cref="ValueFlow"/>): each constant and configuration value is a
    /// reference at the place it is written; a runtime value is LG0007 at the parameter unless the runtime guard checks it.
    /// </summary>
    public void ReportSources(ModelTarget target, List<ValueSource> sources, Location parameterValue, bool guardedByBuilder, ISymbol? caller, Action<Diagnostic> report)
    {
        Action<Diagnostic> once = d =>
        {
            if (_reported.TryAdd(d.Id + "|" + d.Location + "|" + d.GetMessage(CultureInfo.InvariantCulture), 0)) report(d);
        };
        foreach (var source in sources)
        {
            switch (source.Kind)
            {
                case SourceKind.Constant:
                    ReportFlow(target.Reference(source.Value!, source.Location, source.Path), source.IsLiteral, caller, once);
                    break;
                case SourceKind.Configuration:
                    ReportConfiguration(target, source, caller, once);
                    break;
                case SourceKind.Runtime when !guardedByBuilder:
                    once(Diagnostic.Create(RuntimeModelRule.Descriptor, parameterValue, target.Api, source.Description, source.Path.Length == 0 ? "" : " (" + source.Path + ")"));
                    break;
            }
        }
    }

    /// <summary>
    /// A model read from configuration: reported at the code that reads the key and, when the key is not one LG0006
    /// already watches (Model, ChatModelId…), at the value in appsettings*.json.
    /// </summary>
    private void ReportConfiguration(ModelTarget target, ValueSource source, ISymbol? caller, Action<Diagnostic> report)
    {
        var value = source.Value!;
        var written = source.Location.GetLineSpan();
        var where = $"{source.Path} in {System.IO.Path.GetFileName(written.Path)}({written.StartLinePosition.Line + 1})";
        ReportFlow(target.Reference(value, source.ReadAt ?? source.Location, where), valueIsLiteral: false, caller, report);
        var key = source.Description!;
        if (_state.Find(value) != null || ConfigFileScanner.IsModelKey(key.Substring(key.LastIndexOf(':') + 1))) return;
        var match = ModelClassification.Match(_state.Catalogue, value);
        report(Diagnostic.Create(ConfigurationModelRule.Descriptor, source.Location,
            ModelClassification.Properties(value, ReferenceKinds.ConfigValue, match), value, key, ModelClassification.Describe(match)));
    }

    /// <summary>
    /// A reference that flows into a known API or a [ModelId] parameter or property. A declared model's findings
    /// (LG0002) are relayed here only when the value is not a string literal: a literal gets them from the literal rule,
    /// which needs no binding.
    /// </summary>
    public void ReportFlow(ModelReference reference, bool valueIsLiteral, ISymbol? caller, Action<Diagnostic> report)
    {
        var model = _state.Find(reference.Literal);
        References.Report(reference.Literal, reference.Kind, reference.Api, model, reference.Location, report);
        if (model is null)
        {
            var match = ModelClassification.Match(_state.Catalogue, reference.Literal);
            var via = reference.Api is null ? reference.Kind : "passed to " + reference.Api;
            report(Diagnostic.Create(UndeclaredModelRule.Descriptor, reference.Location,
                ModelClassification.Properties(reference.Literal, reference.Kind, match),
                reference.Literal, via, ModelClassification.Describe(match)));
        }
        else
        {
            if (!valueIsLiteral) ReportDeclared(reference.Literal, model, reference.Location, report);
            ReportPerimeter(reference, model, caller, report);
        }
        if (ModelText.IsPickle(reference.Literal) && (reference.Kind == ReferenceKinds.LocalModelPath || ModelText.IsModelFilePath(reference.Literal)))
            report(Diagnostic.Create(UnsafeModelFileRule.Descriptor, reference.Location, reference.Literal));
    }

    /// <summary>The declared model this literal names, if any.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DeclaredModel? Find(string literal) => _state.Find(literal);

    /// <summary>Whether an undeclared literal is one <see cref="ReportUndeclaredLiteral"/> would report (no binding needed to know).</summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    public bool WouldReportUndeclared(string literal)
    {
        if (ModelText.IsModelFilePath(literal)) return true;
        var match = ModelClassification.Match(_state.Catalogue, literal);
        return match != null && ModelClassification.IsConfident(match);
    }

    /// <summary>An undeclared literal outside known APIs: only what the catalogue recognises, or a weights file, is reported.</summary>
    public void ReportUndeclaredLiteral(string literal, Location location, Action<Diagnostic> report)
    {
        var match = ModelClassification.Match(_state.Catalogue, literal);
        var isFile = ModelText.IsModelFilePath(literal);
        if (match != null && ModelClassification.IsConfident(match) || isFile)
            References.Report(literal, isFile ? ReferenceKinds.LocalModelPath : ReferenceKinds.Literal, null, null, location, report);
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
        ReportPickleLiteral(literal, declared: false, location, report);
    }

    /// <summary>LG0004 for a literal outside known APIs that names a pickle-based weights file.</summary>
    public void ReportPickleLiteral(string literal, bool declared, Location location, Action<Diagnostic> report)
    {
        if (ModelText.IsLikelyPickleModel(literal, declared))
            report(Diagnostic.Create(UnsafeModelFileRule.Descriptor, location, literal));
    }

    /// <summary>LG0002 for a declared model with findings, relayed at the place that names it.</summary>
    public static void ReportDeclared(string literal, DeclaredModel model, Location location, Action<Diagnostic> report)
    {
        if (model.Findings is null) return;
        report(Diagnostic.Create(DeclaredModelFindingsRule.Descriptor, location,
            ModelClassification.Properties(literal, ReferenceKinds.Literal, null), model.Id, model.Findings));
    }

    private void ReportPerimeter(ModelReference reference, DeclaredModel model, ISymbol? caller, Action<Diagnostic> report)
    {
        var mustStay = _state.Models.MustStayInside;
        if (mustStay.Count == 0 || caller is null || model.InsidePerimeter) return;
        var handled = DataClasses.HandledBy(caller).Where(d => mustStay.Contains(d, StringComparer.OrdinalIgnoreCase)).ToList();
        if (handled.Count == 0) return;
        report(Diagnostic.Create(DataPerimeterRule.Descriptor, reference.Location,
            caller.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), string.Join(", ", handled), model.Id, model.Where));
    }
}
