using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using LicenceGuard.Core.CodeApis;
using LicenceGuard.Core.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LicenceGuard.Analyzers.Detection;

/// <summary>A call or property assignment to check, with the member whose code makes it (for the data perimeter).</summary>
internal readonly struct SourceCall
{
    public SourceCall(IOperation operation, ISymbol? caller)
    {
        Operation = operation;
        Caller = caller;
    }

    /// <summary>An <see cref="IInvocationOperation"/> or an <see cref="ISimpleAssignmentOperation"/>.</summary>
    public IOperation Operation { get; }
    public ISymbol? Caller { get; }
}

/// <summary>
/// The invocations and property assignments of one source file that could pass a model to an API of
/// rules/sdk-apis.yaml, found from the file's text: such a call writes the method's or property's name (a constructor
/// initializer or a primary constructor's base call writes none, and is found among the declarations). Only those are
/// bound to operations. An operation action would be called for each of the tens of thousands of calls of a project,
/// each call arriving with cold caches (measured with bench/analyzer).
/// <para>
/// Where names cannot be trusted to be written out, every call of the file is taken: when an identifier may be written
/// with a Unicode escape ("GetChat\u0043lient"), and when the compilation can see a [ModelId] attribute (then any
/// method may take a model, including those called implicitly, such as a collection initializer's Add).
/// </para>
/// </summary>
internal static class SourceCalls
{
    [MethodImpl(JitHints.AggressiveOptimization)]
    public static void WorthChecking(SemanticModel model, string text, SdkApiTable apis, bool everyCall, List<SourceCall> calls, CancellationToken cancellation)
    {
        var root = model.SyntaxTree.GetRoot(cancellation);
        if (everyCall || MayEscapeIdentifiers(text))
        {
            foreach (var node in root.DescendantNodes())
                if (IsCallSite(node)) Add(model, node, calls, cancellation);
            return;
        }
        AddConstructorCalls(root, model, calls, cancellation);
        var starts = new List<int>();
        apis.CallNames.FindAll(text, starts);
        HashSet<SyntaxNode>? seen = null;
        foreach (var start in starts)
        {
            var token = root.FindToken(start);
            // Inside a string, a comment or a longer identifier, the name is not a call's.
            if (!token.IsKind(SyntaxKind.IdentifierToken) || !token.Span.Contains(start)) continue;
            var name = token.ValueText;
            if (!apis.HasProperty(name) && (name == SdkApiTable.Constructor || !apis.HasMember(name))) continue;
            var site = CallOrAssignmentNamedBy(token);
            if (site is null || !(seen ??= new HashSet<SyntaxNode>()).Add(site)) continue;
            Add(model, site, calls, cancellation);
        }
    }

    /// <summary>The invocation whose method, or the simple assignment whose target, this identifier names.</summary>
    private static SyntaxNode? CallOrAssignmentNamedBy(SyntaxToken identifier)
    {
        SyntaxNode? node = identifier.Parent;
        if (node is not SimpleNameSyntax) return null;
        while (node.Parent is MemberAccessExpressionSyntax access && access.Name == node ||
               node.Parent is MemberBindingExpressionSyntax binding && binding.Name == node)
            node = node.Parent;
        return node.Parent switch
        {
            InvocationExpressionSyntax invocation when invocation.Expression == node => invocation,
            AssignmentExpressionSyntax assignment when assignment.Left == node && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) => assignment,
            _ => null,
        };
    }

    /// <summary>Calls that write no method name: constructor initializers and primary constructors' base calls.</summary>
    private static void AddConstructorCalls(SyntaxNode root, SemanticModel model, List<SourceCall> calls, CancellationToken cancellation)
    {
        // Declarations only: these calls sit in member and type declarations, never inside a body.
        foreach (var node in root.DescendantNodes(n => n is CompilationUnitSyntax || n is BaseNamespaceDeclarationSyntax || n is TypeDeclarationSyntax || n is BaseListSyntax))
        {
            if (node is ConstructorDeclarationSyntax { Initializer: { } initializer }) Add(model, initializer, calls, cancellation);
            else if (node is PrimaryConstructorBaseTypeSyntax baseCall) Add(model, baseCall, calls, cancellation);
        }
    }

    private static bool IsCallSite(SyntaxNode node) =>
        node.IsKind(SyntaxKind.InvocationExpression) || node.IsKind(SyntaxKind.SimpleAssignmentExpression) ||
        node is ConstructorInitializerSyntax || node is PrimaryConstructorBaseTypeSyntax ||
        // Each element of a collection initializer is an implicit call of Add.
        node.IsKind(SyntaxKind.CollectionInitializerExpression);

    private static void Add(SemanticModel model, SyntaxNode site, List<SourceCall> calls, CancellationToken cancellation)
    {
        switch (model.GetOperation(site, cancellation))
        {
            case IInvocationOperation invocation:
                calls.Add(new SourceCall(invocation, CallerOf(model, site, cancellation)));
                break;
            case ISimpleAssignmentOperation assignment:
                calls.Add(new SourceCall(assignment, CallerOf(model, site, cancellation)));
                break;
            case IObjectOrCollectionInitializerOperation collection:
                var caller = CallerOf(model, site, cancellation);
                foreach (var element in collection.Initializers)
                    if (element is IInvocationOperation add) calls.Add(new SourceCall(add, caller));
                break;
        }
    }

    /// <summary>
    /// The member whose code holds <paramref name="site"/>, as an operation action's ContainingSymbol gives it: a lambda
    /// or a local function counts as the member it is written in, an auto-property's initializer as the property, and a
    /// primary constructor's base call as that constructor.
    /// </summary>
    private static ISymbol? CallerOf(SemanticModel model, SyntaxNode site, CancellationToken cancellation)
    {
        if (site is PrimaryConstructorBaseTypeSyntax && site.Parent?.Parent is TypeDeclarationSyntax type &&
            model.GetDeclaredSymbol(type, cancellation) is { } declared)
        {
            foreach (var constructor in declared.InstanceConstructors)
                foreach (var reference in constructor.DeclaringSyntaxReferences)
                    if (reference.GetSyntax(cancellation) == type) return constructor;
        }
        var symbol = model.GetEnclosingSymbol(site.SpanStart, cancellation);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction }) symbol = symbol.ContainingSymbol;
        // An auto-property's initializer sits in its backing field; the code is the property's.
        return symbol is IFieldSymbol { AssociatedSymbol: IPropertySymbol property } ? property : symbol;
    }

    /// <summary>"\u" or "\U" anywhere: an identifier may be written with an escape, so names are not found as text.</summary>
    private static bool MayEscapeIdentifiers(string text)
    {
        for (var i = text.IndexOf('\\'); i >= 0 && i + 1 < text.Length; i = text.IndexOf('\\', i + 1))
            if (text[i + 1] == 'u' || text[i + 1] == 'U') return true;
        return false;
    }
}
