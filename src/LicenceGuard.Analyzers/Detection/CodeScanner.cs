using LicenceGuard.Core.CodeApis;
using System;
using System.Collections.Generic;
using System.Linq;
using LicenceGuard.Core.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LicenceGuard.Analyzers.Detection;

/// <summary>
/// The analyzer's detection run over a whole compilation at once, for `licenceguard scan` and `init`: by symbol where
/// the SDK's references resolve, and by name (rules/sdk-apis.yaml's type, member and parameter names) where they do not,
/// so loose files without their packages still give useful results. Literals outside known APIs are reported when the
/// catalogue recognises them or they are model files.
/// </summary>
public sealed class CodeScanner
{
    private readonly SdkApiTable _apis;
    private readonly LicenceCatalogue _catalogue;
    private readonly ModelReferenceFinder _finder;

    public CodeScanner(SdkApiTable apis, LicenceCatalogue catalogue)
    {
        _apis = apis;
        _catalogue = catalogue;
        _finder = new ModelReferenceFinder(apis);
    }

    public List<ScanHit> Scan(Compilation compilation, Func<SyntaxTree, string> fileName)
    {
        var hits = new List<ScanHit>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            var file = fileName(tree);
            var flows = new HashSet<TextSpanKey>();
            var root = tree.GetRoot();
            foreach (var node in root.DescendantNodes())
            {
                ModelReference? reference = node switch
                {
                    ArgumentSyntax a => FromArgument(a, model),
                    AssignmentExpressionSyntax s => FromAssignment(s, model),
                    _ => null,
                };
                if (reference is null) continue;
                flows.Add(new TextSpanKey(reference.Location.SourceSpan.Start, reference.Location.SourceSpan.Length));
                hits.Add(Hit(file, reference.Location, reference.Literal, reference.Kind, reference.Api));
            }
            foreach (var literal in root.DescendantNodes().OfType<LiteralExpressionSyntax>())
            {
                if (!literal.IsKind(SyntaxKind.StringLiteralExpression) || flows.Contains(new TextSpanKey(literal.Span.Start, literal.Span.Length))) continue;
                var text = literal.Token.ValueText;
                var kind = LiteralKind(text);
                if (kind != null) hits.Add(Hit(file, literal.GetLocation(), text, kind, null));
            }
        }
        return hits;
    }

    /// <summary>literal | local-model-path | null: what a literal outside known APIs counts as.</summary>
    public string? LiteralKind(string text)
    {
        if (ModelText.IsModelFilePath(text) && (!text.EndsWith(".bin", StringComparison.OrdinalIgnoreCase) || ModelText.IsLikelyPickleModel(text, false))) return ReferenceKinds.LocalModelPath;
        if (!ModelText.CouldBeModelId(text)) return null;
        var match = _catalogue.Match(text);
        return match != null && ModelClassification.IsConfident(match) ? ReferenceKinds.Literal : null;
    }

    private ModelReference? FromArgument(ArgumentSyntax argument, SemanticModel model)
    {
        if (model.GetOperation(argument) is IArgumentOperation { Parameter: not null } op) return _finder.FromArgument(op);
        return ByName(argument, model);
    }

    private ModelReference? FromAssignment(AssignmentExpressionSyntax assignment, SemanticModel model)
    {
        if (model.GetOperation(assignment) is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation } op) return _finder.FromAssignment(op);
        if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || Literal(assignment.Right) is not { } literal) return null;
        var property = assignment.Left switch
        {
            IdentifierNameSyntax id => id.Identifier.ValueText,
            MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
            _ => null,
        };
        if (property is null || !_apis.HasProperty(property)) return null;
        var typeName = (assignment.Parent as InitializerExpressionSyntax)?.Parent switch
        {
            ObjectCreationExpressionSyntax o => SimpleName(o.Type),
            _ => null,
        };
        var api = _apis.ForProperty(property).FirstOrDefault(a => typeName is null || a.TypeName == typeName);
        if (api is null || typeName is null && LiteralKind(literal) is null) return null;
        return new ModelReference(literal, api.Kind, api.Describe(property, null), api.Hosting, assignment.Right.GetLocation());
    }

    /// <summary>The syntax-only fallback: the call's name and the argument's name or position must fit an entry.</summary>
    private ModelReference? ByName(ArgumentSyntax argument, SemanticModel model)
    {
        if (Literal(argument.Expression) is not { } literal) return null;
        if (argument.Parent?.Parent is not { } call) return null;
        string? member = null, typeName = null;
        switch (call)
        {
            case InvocationExpressionSyntax invocation:
                member = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
                    IdentifierNameSyntax id => id.Identifier.ValueText,
                    GenericNameSyntax g => g.Identifier.ValueText,
                    _ => null,
                };
                break;
            case ObjectCreationExpressionSyntax creation:
                member = SdkApiTable.Constructor;
                typeName = SimpleName(creation.Type);
                break;
        }
        if (member is null) return null;
        var candidates = _apis.ForMember(member).Where(a => typeName is null || a.TypeName == typeName).ToList();
        if (candidates.Count == 0) return null;
        var named = argument.NameColon?.Name.Identifier.ValueText;
        var api = named != null
            ? candidates.FirstOrDefault(a => a.Parameters.Contains(named))
            : candidates.FirstOrDefault(_ => LiteralKind(literal) != null || ((ArgumentListSyntax)argument.Parent!).Arguments.IndexOf(argument) == 0);
        if (api is null) return null;
        var parameter = named ?? api.Parameters[0];
        return new ModelReference(literal, api.Kind, api.Describe(member, parameter), api.Hosting, argument.Expression.GetLocation());
    }

    private static string? Literal(ExpressionSyntax expression) =>
        expression is LiteralExpressionSyntax l && l.IsKind(SyntaxKind.StringLiteralExpression) && l.Token.ValueText.Length > 0 ? l.Token.ValueText : null;

    private static string? SimpleName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax q => q.Right.Identifier.ValueText,
        SimpleNameSyntax s => s.Identifier.ValueText,
        AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
        _ => null,
    };

    private static ScanHit Hit(string file, Location location, string literal, string kind, string? api)
    {
        var start = location.GetLineSpan().StartLinePosition;
        return new ScanHit(file, start.Line + 1, start.Character + 1, literal, kind, api);
    }

    private readonly struct TextSpanKey : IEquatable<TextSpanKey>
    {
        private readonly int _start;
        private readonly int _length;

        public TextSpanKey(int start, int length)
        {
            _start = start;
            _length = length;
        }

        public bool Equals(TextSpanKey other) => _start == other._start && _length == other._length;

        public override bool Equals(object? obj) => obj is TextSpanKey other && Equals(other);

        public override int GetHashCode() => (_start * 397) ^ _length;
    }
}
