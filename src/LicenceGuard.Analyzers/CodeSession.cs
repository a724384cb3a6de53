using System.Runtime.CompilerServices;
using LicenceGuard.Core.Text;
using LicenceGuard.Core.AnalyzerInput;
using LicenceGuard.Core.CodeApis;
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
    // Held here, not reached through the reporter and the manifest state: every literal asks it, and each object on the
    // way would be one more cold read (see LiteralPrefilter).
    private readonly LiteralPrefilter _prefilter;
    private readonly SdkApiTable _apis;

    private CodeSession(ManifestState state, Lazy<bool> attributesPossible)
    {
        _reporter = new ReferenceReporter(state);
        _finder = new ModelReferenceFinder(state.Apis, attributesPossible);
        _prefilter = state.Prefilter;
        _apis = state.Apis;
    }

    /// <summary>Null when models.yaml is not YAML at all: the build reports LG1001 and the code rules stay quiet.</summary>
    public static CodeSession? Create(Compilation compilation, AdditionalText manifest, AdditionalText? snapshot, System.Threading.CancellationToken cancellation)
    {
        var text = manifest.GetText(cancellation);
        if (text is null) return null;
        var state = ManifestCache.Get(text, manifest.Path, snapshot?.GetText(cancellation));
        if (!state.HasManifest) return null;
        // Load the catalogue and evaluate the manifest now, on this one thread, before node actions run on many:
        // loaded lazily, every thread that needed it first would wait (and the wait would count as analyzer time).
        state.Prepare();
        return new CodeSession(state, new Lazy<bool>(() => ModelReferenceFinder.CanSeeModelIdAttribute(compilation)));
    }

    public void Register(CompilationStartAnalysisContext context)
    {
        // Constructor calls need symbols to be found (a type alias, a target-typed new): one action per creation. Calls
        // of methods and property assignments write their names, and string literals their quotes: both are found
        // from each file's text, one action per file, not one per call or literal (see SourceCalls, SourceLiterals).
        context.RegisterOperationAction(OnObjectCreation, OperationKind.ObjectCreation);
        context.RegisterSemanticModelAction(OnSourceFile);
    }

    // Runs for every object creation of the compilation: no allocation on the common path, and any exception becomes
    // LG0099 at that node, never AD0001.
    [MethodImpl(JitHints.AggressiveOptimization)]
    private void OnObjectCreation(OperationAnalysisContext c)
    {
        var creation = (IObjectCreationOperation)c.Operation;
        if (creation.Constructor is { } constructor) OnCall(constructor, creation.Arguments, creation.Syntax, c.ContainingSymbol, c.ReportDiagnostic);
    }

    [MethodImpl(JitHints.AggressiveOptimization)]
    private void OnCall(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, SyntaxNode syntax, ISymbol? caller, Action<Diagnostic> report)
    {
        if (arguments.IsEmpty) return;
        try
        {
            if (!_finder.MightTakeModel(method)) return;
        }
        catch (Exception ex) when (!(ex is OperationCanceledException))
        {
            report(Failure(syntax, ex));
            return;
        }
        foreach (var argument in arguments)
        {
            try
            {
                if (_finder.FromArgument(argument) is { } reference)
                    _reporter.ReportFlow(reference, IsStringLiteral(argument.Value.Syntax), caller, report);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                report(Failure(argument.Syntax, ex));
            }
        }
    }

    private void OnAssignment(ISimpleAssignmentOperation assignment, ISymbol? caller, Action<Diagnostic> report)
    {
        try
        {
            if (_finder.FromAssignment(assignment) is { } reference)
                _reporter.ReportFlow(reference, IsStringLiteral(assignment.Value.Syntax), caller, report);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException))
        {
            report(Failure(assignment.Syntax, ex));
        }
    }

    /// <summary>
    /// One source file: the calls and assignments that could reach a known API, and the string literals worth a look,
    /// both found from the file's text before anything is bound (<see cref="SourceCalls"/>, <see cref="SourceLiterals"/>).
    /// </summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    private void OnSourceFile(SemanticModelAnalysisContext c)
    {
        var model = c.SemanticModel;
        var tree = model.SyntaxTree;
        var calls = new List<SourceCall>();
        var literals = new List<LiteralExpressionSyntax>();
        try
        {
            var text = tree.GetText(c.CancellationToken).ToString();
            SourceCalls.WorthChecking(model, text, _apis, _finder.AttributesPossible, calls, c.CancellationToken);
            SourceLiterals.WorthChecking(tree, text, _prefilter, literals, c.CancellationToken);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException))
        {
            c.ReportDiagnostic(Diagnostic.Create(InternalFailureRule.Descriptor, Location.Create(tree, default), "analyse this file", FailureText.Of(ex)));
            return;
        }
        foreach (var call in calls)
        {
            if (call.Operation is IInvocationOperation invocation)
                OnCall(invocation.TargetMethod, invocation.Arguments, invocation.Syntax, call.Caller, c.ReportDiagnostic);
            else if (call.Operation is ISimpleAssignmentOperation assignment)
                OnAssignment(assignment, call.Caller, c.ReportDiagnostic);
        }
        foreach (var literal in literals)
            OnLiteral(literal, model, c.ReportDiagnostic, c.CancellationToken);
    }

    private void OnLiteral(LiteralExpressionSyntax literal, SemanticModel semanticModel, Action<Diagnostic> report, System.Threading.CancellationToken cancellation)
    {
        try
        {
            var text = literal.Token.ValueText;
            if (!_prefilter.MightName(text))
            {
                if (!ModelText.IsModelFilePath(text)) return;
            }
            else if (!ModelText.CouldBeModelId(text) && !ModelText.IsModelFilePath(text)) return;
            // A declared model: its findings are relayed at every literal that names it, in a known API or not, so no
            // binding is needed (the operation actions leave literals to this rule).
            if (_reporter.Find(text) is { } model)
            {
                ReferenceReporter.ReportDeclared(text, model, literal.GetLocation(), report);
                if (ModelText.IsLikelyPickleModel(text, catalogueKnowsIt: true) && !FlowsIntoKnownApi(literal, semanticModel, cancellation))
                    _reporter.ReportPickleLiteral(text, declared: true, literal.GetLocation(), report);
                return;
            }
            if (!_reporter.WouldReportUndeclared(text)) return;
            // Rare from here on: an undeclared model. If it flows into a known API, the operation actions report it
            // (LG0001); report here only what they do not see. Binding is needed for that, so it comes last.
            if (FlowsIntoKnownApi(literal, semanticModel, cancellation)) return;
            _reporter.ReportUndeclaredLiteral(text, literal.GetLocation(), report);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException))
        {
            report(Failure(literal, ex));
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

    /// <summary>A string literal, looking through parentheses and casts: the literal rule covers it.</summary>
    private static bool IsStringLiteral(SyntaxNode node)
    {
        while (true)
        {
            switch (node)
            {
                case ParenthesizedExpressionSyntax p: node = p.Expression; continue;
                case CastExpressionSyntax cast: node = cast.Expression; continue;
                default: return node.IsKind(SyntaxKind.StringLiteralExpression);
            }
        }
    }

    private static Diagnostic Failure(SyntaxNode node, Exception ex) =>
        Diagnostic.Create(InternalFailureRule.Descriptor, node.GetLocation(), "analyse this code", FailureText.Of(ex));
}
