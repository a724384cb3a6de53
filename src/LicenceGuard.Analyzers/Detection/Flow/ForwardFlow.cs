using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LicenceGuard.Analyzers.Detection.Flow;

/// <summary>
/// Does a literal reach a model parameter? The question of the literal rule (LG0005), which stays quiet where the
/// operation actions report the literal through <see cref="ValueFlow"/>. It follows the same shapes forward: the
/// literal's holder (local, field, property, parameter default, argument of a method, returned value, collection) to its
/// uses. Asked only for the rare literal that the catalogue recognises and models.yaml does not declare.
/// </summary>
internal sealed class ForwardFlow
{
    private const int MaxDepth = 12;

    private readonly FlowContext _context;
    private readonly Func<IOperation, bool> _isModelTarget;
    private readonly Func<IOperation, ExpressionSyntax, bool> _isUnboundModelArgument;
    private readonly CancellationToken _cancellation;
    private readonly HashSet<ISymbol> _visited = new(SymbolEqualityComparer.Default);

    private ForwardFlow(FlowContext context, Func<IOperation, bool> isModelTarget, Func<IOperation, ExpressionSyntax, bool> isUnboundModelArgument,
        CancellationToken cancellation)
    {
        _context = context;
        _isModelTarget = isModelTarget;
        _isUnboundModelArgument = isUnboundModelArgument;
        _cancellation = cancellation;
    }

    /// <param name="isModelTarget">Whether an argument or assignment operation sets a model parameter or property.</param>
    /// <param name="isUnboundModelArgument">Whether an argument of a call that did not bind counts as a model argument.</param>
    public static bool Reaches(ExpressionSyntax literal, FlowContext context, Func<IOperation, bool> isModelTarget,
        Func<IOperation, ExpressionSyntax, bool> isUnboundModelArgument, CancellationToken cancellation) =>
        new ForwardFlow(context, isModelTarget, isUnboundModelArgument, cancellation).From(literal, 0, inCollection: false);

    private bool From(ExpressionSyntax expression, int depth, bool inCollection)
    {
        _cancellation.ThrowIfCancellationRequested();
        if (depth > MaxDepth) return false;
        SyntaxNode node = expression;
        while (true)
        {
            var parent = node.Parent;
            switch (parent)
            {
                case ParenthesizedExpressionSyntax or CastExpressionSyntax or SwitchExpressionArmSyntax or SwitchExpressionSyntax:
                case ConditionalExpressionSyntax conditional when conditional.Condition != node:
                case BinaryExpressionSyntax binary when binary.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.CoalesceExpression):
                case PostfixUnaryExpressionSyntax:
                    node = parent;
                    continue;
                case InitializerExpressionSyntax or ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax:
                    inCollection = true;
                    node = parent;
                    continue;
                case AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } indexed when indexed.Left is ImplicitElementAccessSyntax && indexed.Right == node:
                    inCollection = true;
                    node = parent;
                    continue;
            }
            // [a, b] and its elements: no syntax type to name in the Roslyn this analyzer builds against (4.8).
            if (parent != null && (parent.GetType().Name == "CollectionExpressionSyntax" || parent.GetType().Name == "ExpressionElementSyntax"))
            {
                inCollection = true;
                node = parent;
                continue;
            }
            break;
        }
        switch (node.Parent)
        {
            case ArgumentSyntax argument when _context.OperationOf(argument) is IArgumentOperation operation:
                if (!inCollection && _isModelTarget(operation)) return true;
                return operation.Parameter is { } passedTo && UsesReach(passedTo.OriginalDefinition, depth, inCollection);
            case ArgumentSyntax { Parent.Parent: { } callSyntax } argument when _context.OperationOf(callSyntax) is IInvalidOperation unbound:
                // A call that did not bind: the argument counts when the call's name and the argument's name fit an entry.
                return !inCollection && _isUnboundModelArgument(unbound, argument.Expression);
            case AssignmentExpressionSyntax assignment when assignment.Right == node && _context.OperationOf(assignment) is ISimpleAssignmentOperation operation:
                if (!inCollection && _isModelTarget(operation)) return true;
                return Assigned(operation.Target) is { } target && UsesReach(target, depth, inCollection);
            case EqualsValueClauseSyntax equals:
                return equals.Parent switch
                {
                    VariableDeclaratorSyntax declarator => DeclaredSymbol(declarator) is { } symbol && UsesReach(symbol, depth, inCollection),
                    ParameterSyntax withDefault => DeclaredSymbol(withDefault) is { } symbol && UsesReach(symbol, depth, inCollection),
                    PropertyDeclarationSyntax property => DeclaredSymbol(property) is { } symbol && UsesReach(symbol, depth, inCollection),
                    _ => false,
                };
            case ArrowExpressionClauseSyntax or ReturnStatementSyntax:
                return ContainingMember(node) is IMethodSymbol or IPropertySymbol && UsesReach(ContainingMember(node)!, depth, inCollection);
            case LambdaExpressionSyntax lambda when lambda.Body == node && !inCollection &&
                                                   lambda.Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax selecting } &&
                                                   SelectorName(selecting) is "Select" or "ToDictionary" or "ToLookup":
                // models.ToDictionary(m => m.Id, m => m.Name): the selected values are the result's elements.
                return From(selecting, depth + 1, inCollection: true);
            case MemberAccessExpressionSyntax access when access.Expression == node && !inCollection:
                // "gpt-4o".Trim(): the value goes on.
                return access.Parent is InvocationExpressionSyntax call && From(call, depth + 1, inCollection);
            default:
                return false;
        }
    }

    /// <summary>Does a use of <paramref name="symbol"/> (a local, parameter, field, property or method) reach a model parameter?</summary>
    private bool UsesReach(ISymbol symbol, int depth, bool inCollection)
    {
        if (!_visited.Add(symbol)) return false;
        foreach (var node in _context.Names.Named(symbol.Name))
        {
            if (node.Parent is NameColonSyntax || !SymbolEqualityComparer.Default.Equals(_context.SymbolOf(node)?.OriginalDefinition, symbol)) continue;
            ExpressionSyntax use = node.Parent is MemberAccessExpressionSyntax access && access.Name == node ? access : node;
            if (symbol is IMethodSymbol)
            {
                if (use.Parent is InvocationExpressionSyntax call && From(call, depth + 1, inCollection)) return true;
                continue;
            }
            if (use.Parent is AssignmentExpressionSyntax assignment && assignment.Left == use) continue;
            if (!inCollection)
            {
                if (From(use, depth + 1, inCollection: false)) return true;
                continue;
            }
            if (ElementOf(use) is { } element && From(element, depth + 1, inCollection: false)) return true;
            if (use.Parent is ForEachStatementSyntax loop && loop.Expression == use && DeclaredSymbol(loop) is { } variable && UsesReach(variable, depth + 1, inCollection: false)) return true;
        }
        return false;
    }

    /// <summary><c>models[0]</c>, <c>models.First()</c>: an element taken from a collection.</summary>
    private static ExpressionSyntax? ElementOf(ExpressionSyntax collection) => collection.Parent switch
    {
        ElementAccessExpressionSyntax element when element.Expression == collection => element,
        MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call } access when access.Expression == collection &&
            ValueFlow.IsElementPick(access.Name.Identifier.ValueText) => call,
        _ => null,
    };

    private static string? SelectorName(InvocationExpressionSyntax call) => (call.Expression as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText;

    private static ISymbol? Assigned(IOperation target) => target switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field.OriginalDefinition,
        IPropertyReferenceOperation property => property.Property.OriginalDefinition,
        IParameterReferenceOperation parameter => parameter.Parameter.OriginalDefinition,
        _ => null,
    };

    private ISymbol? DeclaredSymbol(SyntaxNode declaration) => _context.DeclaredSymbolOf(declaration)?.OriginalDefinition;

    private ISymbol? ContainingMember(SyntaxNode node)
    {
        for (var current = node.Parent; current != null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    return null;
                case MethodDeclarationSyntax or PropertyDeclarationSyntax:
                    return DeclaredSymbol(current);
                case AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax property }:
                    return DeclaredSymbol(property);
            }
        }
        return null;
    }
}
