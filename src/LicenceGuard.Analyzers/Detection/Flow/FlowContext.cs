using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LicenceGuard.Analyzers.Detection.Flow;

/// <summary>
/// What following a value needs beyond the operation at hand, for one compilation: the declarations and call sites
/// in other methods and files, the appsettings*.json values and the options bindings. Each part is built on first need.
/// </summary>
internal sealed class FlowContext
{
    private readonly Compilation _compilation;
    // One semantic model per file: each keeps what it has bound, and a value is often followed through the same files.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    public FlowContext(Compilation compilation, ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellation)
    {
        _compilation = compilation;
        Names = new NameIndex(compilation, cancellation);
        Settings = new AppSettings(additionalFiles, cancellation);
        Bindings = new ConfigurationBindings(this, cancellation);
    }

    public NameIndex Names { get; }
    public AppSettings Settings { get; }
    public ConfigurationBindings Bindings { get; }

    /// <summary>The operation of a node anywhere in the compilation.</summary>
    public IOperation? OperationOf(SyntaxNode node) => ModelOf(node).GetOperation(node);

    /// <summary>The symbol a name in the compilation refers to.</summary>
    public ISymbol? SymbolOf(SyntaxNode node) => ModelOf(node).GetSymbolInfo(node).Symbol;

    /// <summary>The symbol a declaration in the compilation declares.</summary>
    public ISymbol? DeclaredSymbolOf(SyntaxNode node) => ModelOf(node).GetDeclaredSymbol(node);

    private SemanticModel ModelOf(SyntaxNode node) =>
#pragma warning disable RS1030 // A declaration or call site in another file has no semantic model at hand; this runs only while following a value.
        _models.GetOrAdd(node.SyntaxTree, tree => _compilation.GetSemanticModel(tree));
#pragma warning restore RS1030

    /// <summary>The call a simple name is the callee of (<c>Name(…)</c>, <c>x.Name(…)</c>, <c>new Name(…)</c>), if any.</summary>
    public static ExpressionSyntax? CallOf(SimpleNameSyntax name)
    {
        SyntaxNode node = name;
        if (node.Parent is MemberAccessExpressionSyntax access && access.Name == node) node = access;
        if (node.Parent is QualifiedNameSyntax qualified && qualified.Right == node) node = qualified;
        return node.Parent switch
        {
            InvocationExpressionSyntax invocation when invocation.Expression == node => invocation,
            ObjectCreationExpressionSyntax creation when creation.Type == node => creation,
            _ => null,
        };
    }

    /// <summary>The one value a local or field that holds a configuration section was given, or null.</summary>
    public IOperation? SingleValue(IOperation reference)
    {
        switch (reference)
        {
            case ILocalReferenceOperation local:
                IOperation? found = null;
                foreach (var node in ValueFlow.Root(reference).Descendants())
                {
                    var value = node switch
                    {
                        IVariableDeclaratorOperation d when SymbolEqualityComparer.Default.Equals(d.Symbol, local.Local) => ValueFlow.InitializerOf(d),
                        ISimpleAssignmentOperation { Target: ILocalReferenceOperation t } a when SymbolEqualityComparer.Default.Equals(t.Local, local.Local) => a.Value,
                        _ => null,
                    };
                    if (value is null) continue;
                    if (found != null) return null;
                    found = value;
                }
                return found;
            case IFieldReferenceOperation field:
                foreach (var reference2 in field.Field.DeclaringSyntaxReferences)
                    if (reference2.GetSyntax() is VariableDeclaratorSyntax { Initializer: { } initializer } && OperationOf(initializer) is IFieldInitializerOperation init)
                        return init.Value;
                return null;
            default:
                return null;
        }
    }
}
