using System;
using LicenceGuard.Analyzers.Detection;
using LicenceGuard.Analyzers.Manifest;
using LicenceGuard.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LicenceGuard.Analyzers;

/// <summary>
/// The per-compilation part of <see cref="ModelReferenceAnalyzer"/>: it holds the parsed models.yaml snapshot and the
/// SDK table and registers the node actions. Everything that touches LicenceGuard.Core lives from here on, so that a
/// failure to load Core (or YamlDotNet) happens inside the analyzer's guard and becomes LG0099.
/// </summary>
internal sealed class CodeSession
{
    private readonly ReferenceReporter _reporter;
    private readonly ModelReferenceFinder _finder;

    private CodeSession(ManifestState state, SdkApiTable apis, Lazy<bool> attributesPossible)
    {
        _reporter = new ReferenceReporter(state);
        _finder = new ModelReferenceFinder(apis, attributesPossible);
    }

    /// <summary>Null when models.yaml is not YAML at all: the build reports LG1001 and the code rules stay quiet.</summary>
    public static CodeSession? Create(Compilation compilation, AdditionalText manifest, System.Threading.CancellationToken cancellation)
    {
        var text = manifest.GetText(cancellation);
        if (text is null) return null;
        var state = ManifestCache.Get(text, manifest.Path);
        if (state.Manifest is null) return null;
        // Load the catalogue and evaluate the manifest now, on this one thread, before node actions run on many:
        // loaded lazily, every thread that needed it first would wait (and the wait would count as analyzer time).
        state.Prepare();
        return new CodeSession(state, SdkApiTable.Embedded, new Lazy<bool>(() => ModelReferenceFinder.CanSeeModelIdAttribute(compilation)));
    }

    public void Register(CompilationStartAnalysisContext context)
    {
        context.RegisterOperationAction(OnArgument, OperationKind.Argument);
        context.RegisterOperationAction(OnAssignment, OperationKind.SimpleAssignment);
        context.RegisterSyntaxNodeAction(OnLiteral, SyntaxKind.StringLiteralExpression);
    }

    // Each action runs for every node of its kind in the compilation: no allocation on the common path, and any
    // exception becomes LG0099 at that node, never AD0001.
    private void OnArgument(OperationAnalysisContext c)
    {
        try
        {
            if (_finder.FromArgument((IArgumentOperation)c.Operation) is { } reference)
                _reporter.ReportFlow(reference, c.ContainingSymbol, c.ReportDiagnostic);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException))
        {
            c.ReportDiagnostic(Failure(c.Operation.Syntax, ex));
        }
    }

    private void OnAssignment(OperationAnalysisContext c)
    {
        try
        {
            if (_finder.FromAssignment((ISimpleAssignmentOperation)c.Operation) is { } reference)
                _reporter.ReportFlow(reference, c.ContainingSymbol, c.ReportDiagnostic);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException))
        {
            c.ReportDiagnostic(Failure(c.Operation.Syntax, ex));
        }
    }

    private void OnLiteral(SyntaxNodeAnalysisContext c)
    {
        try
        {
            var literal = (LiteralExpressionSyntax)c.Node;
            var text = literal.Token.ValueText;
            // No cache of verdicts: deciding is cheaper than a concurrent dictionary that every thread writes to
            // (measured with bench/analyzer), and a cache would grow with every literal an IDE session ever sees.
            if (!(ModelText.CouldBeModelId(text) || ModelText.IsModelFilePath(text)) || !_reporter.WouldReportLiteral(text)) return;
            // Rare from here on: the literal is a model. If it flows into a known API, the operation actions above
            // report it; report here only what they do not see. Binding is needed for that, so it comes last.
            if (FlowsIntoKnownApi(literal, c.SemanticModel, c.CancellationToken)) return;
            _reporter.ReportLiteral(text, literal.GetLocation(), c.ReportDiagnostic);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException))
        {
            c.ReportDiagnostic(Failure(c.Node, ex));
        }
    }

    private bool FlowsIntoKnownApi(ExpressionSyntax literal, SemanticModel model, System.Threading.CancellationToken cancellation)
    {
        SyntaxNode node = literal;
        while (node.Parent is ParenthesizedExpressionSyntax || node.Parent is CastExpressionSyntax) node = node.Parent;
        switch (node.Parent)
        {
            case ArgumentSyntax argument:
                return model.GetOperation(argument, cancellation) is IArgumentOperation a && _finder.FromArgument(a) != null;
            case AssignmentExpressionSyntax assignment when assignment.Right == node:
                return model.GetOperation(assignment, cancellation) is ISimpleAssignmentOperation s && _finder.FromAssignment(s) != null;
            default:
                return false;
        }
    }

    private static Diagnostic Failure(SyntaxNode node, Exception ex) =>
        Diagnostic.Create(InternalFailureRule.Descriptor, node.GetLocation(), "analyse this code", FailureText.Of(ex));
}
