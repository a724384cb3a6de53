using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LicenceGuard.Analyzers.Detection.Flow;

/// <summary>
/// Follows the value of a model parameter back to where it is written, within the compilation: literals and constant
/// expressions, locals (every value assigned to them), <c>??</c>, <c>?:</c> and switch-expression arms, fields and
/// properties (their initialisers and every assignment), parameters (their default and the arguments at every call
/// site), method results, array and collection elements, configuration reads and bound options. What cannot be known
/// at build time becomes a <see cref="SourceKind.Runtime"/> source. Symbols are visited once and the depth is bounded,
/// so a cycle or a long chain ends.
/// </summary>
internal sealed partial class ValueFlow
{
    /// <summary>Steps from the parameter back to a value; deeper values count as runtime values.</summary>
    private const int MaxDepth = 12;
    /// <summary>A value with more origins than this is followed no further.</summary>
    private const int MaxSources = 64;

    private readonly FlowContext _context;
    private readonly CancellationToken _cancellation;
    private readonly List<ValueSource> _sources = new();
    private readonly HashSet<ISymbol> _visited = new(SymbolEqualityComparer.Default);

    private ValueFlow(FlowContext context, CancellationToken cancellation)
    {
        _context = context;
        _cancellation = cancellation;
    }

    /// <summary>Every origin of <paramref name="value"/> that the build can see.</summary>
    public static List<ValueSource> SourcesOf(IOperation value, FlowContext context, CancellationToken cancellation)
    {
        var flow = new ValueFlow(context, cancellation);
        flow.Visit(value, Way.Start, 0, elements: false);
        return flow._sources;
    }

    /// <param name="elements">The value is a collection whose elements are wanted (a foreach, models[0], First()).</param>
    private void Visit(IOperation? operation, Way way, int depth, bool elements)
    {
        if (operation is null) return;
        _cancellation.ThrowIfCancellationRequested();
        operation = Unwrap(operation);
        if (depth > MaxDepth || _sources.Count >= MaxSources)
        {
            Runtime(operation, way, "a value passed on too many times to follow");
            return;
        }
        depth++;
        switch (operation)
        {
            case ILiteralOperation:
                Constant(operation, way);
                return;
            case ICoalesceOperation coalesce:
                Visit(coalesce.Value, way, depth, elements);
                Visit(coalesce.WhenNull, way, depth, elements);
                return;
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                Visit(conditional.WhenTrue, way, depth, elements);
                Visit(whenFalse, way, depth, elements);
                return;
            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms) Visit(arm.Value, way, depth, elements);
                return;
            case ILocalReferenceOperation local:
                VisitLocal(local, way, depth, elements);
                return;
            case IParameterReferenceOperation parameter:
                VisitParameter(parameter, way, depth, elements);
                return;
            case IFieldReferenceOperation field:
                VisitField(field, way, depth, elements);
                return;
            case IPropertyReferenceOperation property:
                VisitProperty(property, way, depth, elements);
                return;
            case IInvocationOperation invocation:
                VisitInvocation(invocation, way, depth, elements);
                return;
            case IArrayElementReferenceOperation element:
                Visit(element.ArrayReference, way, depth, elements: true);
                return;
        }
        if (elements && VisitElements(operation, way, depth)) return;
        if (ConstantStrings.Of(operation) != null)
        {
            Constant(operation, way);
            return;
        }
        // null, "", default: no model named here.
        if (operation.ConstantValue.HasValue || operation is IDefaultValueOperation) return;
        Runtime(operation, way, "'" + Shorten(operation.Syntax.ToString()) + "'");
    }

    /// <summary>The elements of an array, a collection expression or a collection initializer (a dictionary's values).</summary>
    private bool VisitElements(IOperation collection, Way way, int depth)
    {
        switch (collection)
        {
            case IArrayCreationOperation array:
                if (array.Initializer is null) return false;
                foreach (var element in array.Initializer.ElementValues) Visit(element, way, depth, elements: false);
                return true;
            case IObjectCreationOperation { Initializer: { } initializer }:
                foreach (var item in initializer.Initializers)
                {
                    switch (item)
                    {
                        case IInvocationOperation add when add.Arguments.Length > 0:
                            Visit(add.Arguments[add.Arguments.Length - 1].Value, way, depth, elements: false);
                            break;
                        case ISimpleAssignmentOperation indexed:
                            Visit(indexed.Value, way, depth, elements: false);
                            break;
                    }
                }
                return true;
            default:
                // A collection expression ([a, b]) has no operation interface in the Roslyn this analyzer builds
                // against (4.8); its child operations are its elements.
                if (collection.Syntax.GetType().Name != "CollectionExpressionSyntax") return false;
                foreach (var element in collection.ChildOperations) Visit(element, way, depth, elements: false);
                return true;
        }
    }

    private void Constant(IOperation operation, Way way)
    {
        if (ConstantStrings.Of(operation) is not { } value) return;
        _sources.Add(new ValueSource(SourceKind.Constant, value, operation.Syntax.GetLocation(), way.Describe(), isLiteral: operation is ILiteralOperation));
    }

    private void Runtime(IOperation operation, Way way, string description) =>
        _sources.Add(new ValueSource(SourceKind.Runtime, null, operation.Syntax.GetLocation(), way.Describe(), description));

    private static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                // "model".Trim(), model.ToLowerInvariant(): still the model.
                case IInvocationOperation { Instance: { } instance, TargetMethod.ContainingType.SpecialType: SpecialType.System_String } call
                    when call.TargetMethod.Name.StartsWith("Trim", System.StringComparison.Ordinal) || call.TargetMethod.Name.StartsWith("ToLower", System.StringComparison.Ordinal):
                    operation = instance;
                    continue;
                default:
                    return operation;
            }
        }
    }

    /// <summary>The outermost operation of the member (or field initialiser) that holds <paramref name="operation"/>.</summary>
    public static IOperation Root(IOperation operation)
    {
        while (operation.Parent != null) operation = operation.Parent;
        return operation;
    }

    /// <summary>The value a declarator gives its local: <c>var x = v</c>, or <c>string a, b = v</c>'s shared form.</summary>
    public static IOperation? InitializerOf(IVariableDeclaratorOperation declarator) =>
        declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;

    private static string Shorten(string text)
    {
        text = text.Replace("\r", " ").Replace("\n", " ");
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
