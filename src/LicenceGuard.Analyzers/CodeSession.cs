using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using LicenceGuard.Analyzers.Detection;
using LicenceGuard.Analyzers.Detection.Flow;
using LicenceGuard.Analyzers.Manifest;
using LicenceGuard.Analyzers.Rules;
using LicenceGuard.Core.AnalyzerInput;
using LicenceGuard.Core.CodeApis;
using LicenceGuard.Core.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LicenceGuard.Analyzers;

/// <summary>
/// The per-compilation part of <see cref="ModelReferenceAnalyzer"/>: it holds the code rules' view of models.yaml
/// (<see cref="ManifestState"/>: the build gate's snapshot, or the names read from an edited text) and registers the
/// node actions. Everything that touches LicenceGuard.Core lives from here on, so that a
/// failure to load Core happens inside the analyzer's guard and becomes LG0099.
/// </summary>
internal sealed class CodeSession
{
    private readonly ReferenceReporter _reporter;
    private readonly ModelReferenceFinder _finder;
    // Held here, not reached through the reporter and the manifest state: every literal asks it, and each object on the
    // way would be one more cold read (see LiteralPrefilter).
    private readonly LiteralPrefilter _prefilter;
    private readonly ManifestState _state;
    private FlowContext? _flow;

    private readonly string _manifestPath;

    private CodeSession(ManifestState state, Lazy<bool> attributesPossible, string manifestPath)
    {
        _manifestPath = manifestPath;
        _state = state;
        _reporter = new ReferenceReporter(state);
        _finder = new ModelReferenceFinder(state.Apis, attributesPossible);
        _prefilter = state.Prefilter;
    }

    /// <summary>Null when models.yaml cannot be read as text.</summary>
    public static CodeSession? Create(Compilation compilation, AdditionalText manifest, AdditionalText? snapshot, System.Threading.CancellationToken cancellation)
    {
        var text = manifest.GetText(cancellation);
        if (text is null) return null;
        var state = ManifestCache.Get(text, manifest.Path, snapshot?.GetText(cancellation));
        // Load the declared models, the SDK table and the literal prefilter now, on this one thread, before node actions
        // run on many: loaded lazily, every thread that needed them first would wait (and the wait would count as
        // analyzer time). The analyzer evaluates nothing: the verdicts are the build's (see ManifestState).
        state.Prepare();
        return new CodeSession(state, new Lazy<bool>(() => ModelReferenceFinder.CanSeeModelIdAttribute(compilation)), manifest.Path);
    }

    public void Register(CompilationStartAnalysisContext context)
    {
        _flow = new FlowContext(context.Compilation, context.Options.AdditionalFiles, context.CancellationToken);
        // Only when the text was read: an unreadable models.yaml (LG0021, LG1001) declares nothing that can be counted.
        if (_state.Models.Models.Count == 0 && _state.Notice?.IsUnreadable != true) context.RegisterCompilationEndAction(OnCompilationEndWithoutModels);
        // Calls, not arguments: a project has far fewer, and most are told apart by their method's name alone.
        context.RegisterOperationAction(OnInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(OnObjectCreation, OperationKind.ObjectCreation);
        context.RegisterOperationAction(OnAssignment, OperationKind.SimpleAssignment);
        // Calls that do not bind: loose files scanned without their packages, or an SDK version whose API moved.
        context.RegisterOperationAction(OnUnboundCall, OperationKind.Invalid);
        context.RegisterSemanticModelAction(OnSourceFile);
    }

    // Each action runs for every node of its kind in the compilation: no allocation on the common path, and any
    // exception becomes LG0099 at that node, never AD0001.
    [MethodImpl(JitHints.AggressiveOptimization)]
    private void OnInvocation(OperationAnalysisContext c)
    {
        var invocation = (IInvocationOperation)c.Operation;
        OnCall(invocation.TargetMethod, invocation.Arguments, c);
    }

    [MethodImpl(JitHints.AggressiveOptimization)]
    private void OnObjectCreation(OperationAnalysisContext c)
    {
        var creation = (IObjectCreationOperation)c.Operation;
        if (creation.Constructor is { } constructor) OnCall(constructor, creation.Arguments, c);
    }

    [MethodImpl(JitHints.AggressiveOptimization)]
    private void OnCall(IMethodSymbol method, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, OperationAnalysisContext c)
    {
        if (arguments.IsEmpty) return;
        try
        {
            if (!_finder.MightTakeModel(method)) return;
        }
        catch (Exception ex) when (!(ex is OperationCanceledException))
        {
            c.ReportDiagnostic(Failure(c.Operation.Syntax, ex));
            return;
        }
        foreach (var argument in arguments)
        {
            try
            {
                if (_finder.TargetOf(argument) is { } target) ReportValue(target, argument.Value, c);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                c.ReportDiagnostic(Failure(argument.Syntax, ex));
            }
        }
    }

    [MethodImpl(JitHints.AggressiveOptimization)]
    private void OnAssignment(OperationAnalysisContext c)
    {
        try
        {
            var assignment = (ISimpleAssignmentOperation)c.Operation;
            if (_finder.TargetOf(assignment) is { } target) ReportValue(target, assignment.Value, c);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException))
        {
            c.ReportDiagnostic(Failure(c.Operation.Syntax, ex));
        }
    }

    /// <summary>
    /// A call the compiler could not bind, told apart by its name as rules/sdk-apis.yaml writes it: a named argument
    /// must name a model parameter; a positional one counts only for constants that could be one (the first argument,
    /// where SDKs put the model, any word; a later one, what looks like a model ID).
    /// </summary>
    private void OnUnboundCall(OperationAnalysisContext c)
    {
        try
        {
            foreach (var (target, value, position) in UnboundCalls.Arguments(c.Operation, _state.Apis))
            {
                var sources = ValueFlow.SourcesOf(value, _flow!, c.CancellationToken);
                if (position >= 0) sources.RemoveAll(s => s.Kind != SourceKind.Constant || !CouldBeModelArgument(s.Value!, position));
                _reporter.ReportSources(target, sources, value.Syntax.GetLocation(), GuardedByBuilder(c.Operation), c.ContainingSymbol, c.ReportDiagnostic);
            }
        }
        catch (Exception ex) when (!(ex is OperationCanceledException))
        {
            c.ReportDiagnostic(Failure(c.Operation.Syntax, ex));
        }
    }

    /// <summary>LG0008 at models.yaml when it declares no model and the compilation can see an SDK of rules/sdk-apis.yaml.</summary>
    private void OnCompilationEndWithoutModels(CompilationAnalysisContext c)
    {
        try
        {
            foreach (var api in _state.Apis.Apis)
            {
                if (c.Compilation.GetTypeByMetadataName(api.Type) is null) continue;
                var start = new Microsoft.CodeAnalysis.Text.LinePositionSpan(default, default);
                c.ReportDiagnostic(Diagnostic.Create(NoDeclaredModelRule.Descriptor, Location.Create(_manifestPath, default, start), api.Sdk));
                return;
            }
        }
        catch (Exception ex) when (!(ex is OperationCanceledException))
        {
            c.ReportDiagnostic(Diagnostic.Create(InternalFailureRule.Descriptor, Location.None, "look for AI SDKs", FailureText.Of(ex)));
        }
    }

    /// <summary>
    /// A value that reaches a model parameter: a literal written there is reported as it is; anything else is followed
    /// back to where it is written (<see cref="ValueFlow"/>).
    /// </summary>
    private void ReportValue(ModelTarget target, IOperation value, OperationAnalysisContext c)
    {
        var location = value.Syntax.GetLocation();
        if (IsStringLiteral(value.Syntax) && ConstantStrings.Of(value) is { } literal)
        {
            _reporter.ReportFlow(target.Reference(literal, location), valueIsLiteral: true, c.ContainingSymbol, c.ReportDiagnostic);
            return;
        }
        var sources = ValueFlow.SourcesOf(value, _flow!, c.CancellationToken);
        _reporter.ReportSources(target, sources, location, GuardedByBuilder(c.Operation), c.ContainingSymbol, c.ReportDiagnostic);
    }

    /// <summary>
    /// Is the client this call makes wrapped by the runtime guard in the same expression (<c>….AsBuilder().UseLicenceGuard()</c>,
    /// <c>services.AddChatClient(sp => …).UseLicenceGuard()</c>)?
    /// </summary>
    private static bool GuardedByBuilder(IOperation call)
    {
        for (var operation = call.Parent; operation != null; operation = operation.Parent)
            if (operation is IInvocationOperation { TargetMethod.Name: "UseLicenceGuard" }) return true;
        return false;
    }

    /// <summary>
    /// String literals, one source file at a time: the file's text is searched for literals worth a look
    /// (<see cref="StringLiteralCandidates"/>) and only those are found in the syntax tree. A syntax node action would
    /// be called for every literal of the project, each call arriving with cold caches (measured with bench/analyzer).
    /// </summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    private void OnSourceFile(SemanticModelAnalysisContext c)
    {
        var tree = c.SemanticModel.SyntaxTree;
        var literals = new List<LiteralExpressionSyntax>();
        try
        {
            SourceLiterals.WorthChecking(tree, _prefilter, literals, c.CancellationToken);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException))
        {
            c.ReportDiagnostic(Diagnostic.Create(InternalFailureRule.Descriptor, Location.Create(tree, default), "analyse this file", FailureText.Of(ex)));
            return;
        }
        foreach (var literal in literals)
            OnLiteral(literal, c.ReportDiagnostic, c.CancellationToken);
    }

    private void OnLiteral(LiteralExpressionSyntax literal, Action<Diagnostic> report, System.Threading.CancellationToken cancellation)
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
                // A literal that flows into a known API is that flow's reference (reported by the operation actions).
                if (FlowsIntoKnownApi(literal, cancellation)) return;
                References.Report(text, ModelText.IsModelFilePath(text) ? ReferenceKinds.LocalModelPath : ReferenceKinds.Literal, null, model, literal.GetLocation(), report);
                if (ModelText.IsLikelyPickleModel(text, catalogueKnowsIt: true))
                    _reporter.ReportPickleLiteral(text, declared: true, literal.GetLocation(), report);
                return;
            }
            if (!_reporter.WouldReportUndeclared(text)) return;
            // Rare from here on: an undeclared model. If it flows into a known API, the operation actions report it
            // (LG0001); report here only what they do not see. Binding is needed for that, so it comes last.
            if (FlowsIntoKnownApi(literal, cancellation)) return;
            _reporter.ReportUndeclaredLiteral(text, literal.GetLocation(), report);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException))
        {
            report(Failure(literal, ex));
        }
    }

    /// <summary>Does the literal reach a model parameter (then the operation actions report it)? Asked for rare literals only.</summary>
    private bool FlowsIntoKnownApi(ExpressionSyntax literal, System.Threading.CancellationToken cancellation) =>
        ForwardFlow.Reaches(literal, _flow!, IsModelTarget, IsUnboundModelArgument, cancellation);

    private static bool CouldBeModelArgument(string value, int position) =>
        position == 0 ? value.Length > 0 && value.IndexOf(' ') < 0 && value.IndexOf("://", StringComparison.Ordinal) < 0 : ModelText.CouldBeModelId(value);

    private bool IsUnboundModelArgument(IOperation unboundCall, ExpressionSyntax argument)
    {
        foreach (var (_, value, _) in UnboundCalls.Arguments(unboundCall, _state.Apis))
            if (value.Syntax == argument) return true;
        return false;
    }

    private bool IsModelTarget(IOperation operation) => operation switch
    {
        IArgumentOperation argument => _finder.TargetOf(argument) != null,
        ISimpleAssignmentOperation assignment => _finder.TargetOf(assignment) != null,
        _ => false,
    };

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
