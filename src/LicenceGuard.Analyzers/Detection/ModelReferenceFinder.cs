using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LicenceGuard.Analyzers.Detection;

/// <summary>
/// Finds model references by symbol: a string constant passed as an argument to a model-identifying parameter, or
/// assigned to a model-identifying property, of rules/sdk-apis.yaml or of the user's own [ModelId] API. The cheap
/// checks come first (is the value a string constant? is the member's name in the table?) because this runs for every
/// argument and assignment of a compilation.
/// </summary>
public sealed class ModelReferenceFinder
{
    private readonly SdkApiTable _apis;
    private readonly bool _attributesPossible;

    /// <param name="attributesPossible">False when the compilation can see no ModelIdAttribute: then the attribute
    /// lookup, the one costly step for ordinary string arguments, is skipped.</param>
    public ModelReferenceFinder(SdkApiTable apis, bool attributesPossible = true)
    {
        _apis = apis;
        _attributesPossible = attributesPossible;
    }

    /// <summary>Can this compilation see a [ModelId] attribute type, in source or in a reference?</summary>
    public static bool CanSeeModelIdAttribute(Compilation compilation) =>
        compilation.GetTypeByMetadataName("LicenceGuard." + ModelIdAttributes.ModelId) != null ||
        compilation.ContainsSymbolsWithName(ModelIdAttributes.ModelId, SymbolFilter.Type);

    public ModelReference? FromArgument(IArgumentOperation argument)
    {
        if (argument.ArgumentKind == ArgumentKind.DefaultValue) return null;
        var parameter = argument.Parameter;
        if (parameter is null) return null;
        var literal = ConstantStrings.Of(argument.Value);
        if (literal is null) return null;
        if (parameter.ContainingSymbol is not IMethodSymbol method) return null;

        var memberName = method.MethodKind == MethodKind.Constructor ? ".ctor" : method.Name;
        if (_apis.HasMember(memberName))
        {
            for (var m = method.ReducedFrom ?? method; m != null; m = m.OverriddenMethod)
            {
                var typeName = FullName(m.ContainingType);
                foreach (var api in _apis.ForMember(memberName))
                {
                    if (!string.Equals(api.Type, typeName, StringComparison.Ordinal) || !Contains(api.Parameters, parameter.Name)) continue;
                    return new ModelReference(literal, KindOf(api, literal), api.Describe(memberName, parameter.Name), api.Hosting, argument.Value.Syntax.GetLocation());
                }
            }
        }
        if (_attributesPossible && ModelIdAttributes.IsModelId(parameter))
            return new ModelReference(literal, KindOf(null, literal), Describe(method, parameter.Name), null, argument.Value.Syntax.GetLocation());
        return null;
    }

    public ModelReference? FromAssignment(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is not IPropertyReferenceOperation target) return null;
        var literal = ConstantStrings.Of(assignment.Value);
        if (literal is null) return null;
        var property = target.Property;
        if (_apis.HasProperty(property.Name))
        {
            for (var p = property; p != null; p = p.OverriddenProperty)
            {
                var typeName = FullName(p.ContainingType);
                foreach (var api in _apis.ForProperty(property.Name))
                {
                    if (!string.Equals(api.Type, typeName, StringComparison.Ordinal)) continue;
                    return new ModelReference(literal, KindOf(api, literal), api.Describe(property.Name, null), api.Hosting, assignment.Value.Syntax.GetLocation());
                }
            }
        }
        if (_attributesPossible && ModelIdAttributes.IsModelId(property))
            return new ModelReference(literal, KindOf(null, literal), property.ContainingType.Name + "." + property.Name, null, assignment.Value.Syntax.GetLocation());
        return null;
    }

    /// <summary>A path literal passed to a model-ID API is still a file; an attributed value is attributed unless it is a path.</summary>
    private static string KindOf(SdkApi? api, string literal)
    {
        if (api != null) return api.Kind;
        return ModelText.IsModelFilePath(literal) ? ReferenceKinds.LocalModelPath : ReferenceKinds.Attributed;
    }

    private static string Describe(IMethodSymbol method, string parameter) =>
        method.MethodKind == MethodKind.Constructor ? $"new {method.ContainingType.Name}({parameter})" : $"{method.ContainingType.Name}.{method.Name}({parameter})";

    private static bool Contains(System.Collections.Generic.IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
            if (string.Equals(names[i], name, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Namespace.Outer+Inner, the form rules/sdk-apis.yaml uses (generic arity left out).</summary>
    public static string FullName(INamedTypeSymbol type)
    {
        var name = type.Name;
        for (var outer = type.ContainingType; outer != null; outer = outer.ContainingType) name = outer.Name + "+" + name;
        var ns = type.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
    }
}
