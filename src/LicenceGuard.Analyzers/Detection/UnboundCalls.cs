using System.Collections.Generic;
using LicenceGuard.Core.CodeApis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LicenceGuard.Analyzers.Detection;

/// <summary>
/// The arguments of a call that did not bind (an invalid operation) whose method or constructor name rules/sdk-apis.yaml
/// knows: by name only, since there is no symbol. A named argument is a model argument when its name is one of the
/// entry's parameters; positional arguments are returned, with their position, as candidates for the caller to judge
/// by their value.
/// </summary>
internal static class UnboundCalls
{
    /// <returns>Each candidate argument; <c>Position</c> is -1 for a named one.</returns>
    public static IEnumerable<(ModelTarget Target, IOperation Value, int Position)> Arguments(IOperation invalid, SdkApiTable apis)
    {
        var (member, typeName, arguments) = invalid.Syntax switch
        {
            InvocationExpressionSyntax invocation => (NameOf(invocation.Expression), null, invocation.ArgumentList),
            ObjectCreationExpressionSyntax creation => (SdkApiTable.Constructor, NameOf(creation.Type), creation.ArgumentList),
            _ => (null, null, null),
        };
        if (member is null || arguments is null || !apis.HasMember(member)) yield break;
        if (typeName != null && !apis.HasConstructorOf(typeName)) yield break;
        var model = invalid.SemanticModel;
        if (model is null) yield break;
        for (var position = 0; position < arguments.Arguments.Count; position++)
        {
            var argument = arguments.Arguments[position];
            var name = argument.NameColon?.Name.Identifier.ValueText;
            // A named argument may fit any entry of that member (a model ID or a model path parameter); a positional
            // one is taken for the member's first entry.
            foreach (var api in apis.ForMember(member))
            {
                if (typeName != null && api.TypeName != typeName) continue;
                if (name != null && !ModelReferenceFinder.Contains(api.Parameters, name)) continue;
                if (model.GetOperation(argument.Expression) is { } value)
                    yield return (new ModelTarget(api.Kind, api.Describe(member, name ?? api.Parameters[0]), api.Hosting), value, name is null ? position : -1);
                break;
            }
        }
    }

    private static string? NameOf(SyntaxNode expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };
}
