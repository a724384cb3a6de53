using System;
using System.Runtime.CompilerServices;
using LicenceGuard.Core.CodeApis;
using LicenceGuard.Core.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LicenceGuard.Analyzers.Detection;

/// <summary>
/// Finds model references by symbol: a string constant passed as an argument to a model-identifying parameter, or
/// assigned to a model-identifying property, of rules/sdk-apis.yaml or of the user's own [ModelId] API. This runs for
/// every argument and assignment of a compilation, so the order of the checks is what keeps it cheap (measured with
/// bench/analyzer): the member's name against the table first (one dictionary miss for almost every call), the
/// argument's constant value only after that (Roslyn materialises a string and a weak reference for each read), and
/// type names compared segment by segment rather than formatted.
/// </summary>
public sealed class ModelReferenceFinder
{
    private readonly SdkApiTable _apis;
    private readonly Lazy<bool> _attributesPossible;

    /// <param name="attributesPossible">False when the compilation can see no ModelIdAttribute: then the attribute
    /// lookup, the one costly step for ordinary string arguments, is skipped.</param>
    public ModelReferenceFinder(SdkApiTable apis, bool attributesPossible = true)
        : this(apis, new Lazy<bool>(() => attributesPossible))
    {
    }

    /// <summary>The attribute question answered on first need: at compilation start the answer would bind every
    /// reference ahead of the compiler, and the analyzer would be charged for it.</summary>
    public ModelReferenceFinder(SdkApiTable apis, Lazy<bool> attributesPossible)
    {
        _apis = apis;
        _attributesPossible = attributesPossible;
    }

    /// <summary>Can this compilation see a [ModelId] attribute type, in source or in a reference?</summary>
    public static bool CanSeeModelIdAttribute(Compilation compilation) =>
        compilation.ContainsSymbolsWithName(ModelIdAttributes.ModelId, SymbolFilter.Type) ||
        compilation.GetTypeByMetadataName("LicenceGuard." + ModelIdAttributes.ModelId) != null;

    /// <summary>
    /// Could an argument of a call to <paramref name="method"/> be a model reference? Asked once per invocation and
    /// object creation before any argument is read: for almost every call the method's name (a constructor's type
    /// name) is not in the table, and without a visible [ModelId] attribute nothing else could make it one. When this
    /// is false, <see cref="TargetOf(IArgumentOperation)"/> returns null for every argument of the call.
    /// </summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    public bool MightTakeModel(IMethodSymbol method)
    {
        // The name first: every constructor is ".ctor", so only a constructor call reads further, to its type's name.
        if (!_apis.HasMember(method.Name)) return _attributesPossible.Value;
        if (method.MethodKind != MethodKind.Constructor) return true;
        return _apis.HasConstructorOf(method.ContainingType.Name) || _attributesPossible.Value;
    }

    /// <summary>The model parameter this argument is passed to, or null: what the value is does not matter here.</summary>
    public ModelTarget? TargetOf(IArgumentOperation argument)
    {
        if (argument.ArgumentKind == ArgumentKind.DefaultValue) return null;
        var parameter = argument.Parameter;
        if (parameter?.ContainingSymbol is not IMethodSymbol method) return null;
        var memberName = method.Name;
        var known = _apis.HasMember(memberName);
        if (!known && !_attributesPossible.Value) return null;
        if (known)
        {
            for (var m = method.ReducedFrom ?? method; m != null; m = m.OverriddenMethod)
            {
                foreach (var api in _apis.ForMember(memberName))
                {
                    if (!Contains(api.Parameters, parameter.Name) || !IsType(m.ContainingType, api.Type)) continue;
                    return new ModelTarget(api.Kind, api.Describe(memberName, parameter.Name), api.Hosting);
                }
            }
        }
        if (_attributesPossible.Value && ModelIdAttributes.IsModelId(parameter))
            return new ModelTarget(null, Describe(method, parameter.Name), null);
        return null;
    }

    /// <summary>The model property this assignment sets, or null.</summary>
    public ModelTarget? TargetOf(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is not IPropertyReferenceOperation target) return null;
        var property = target.Property;
        var known = _apis.HasProperty(property.Name);
        if (!known && !_attributesPossible.Value) return null;
        if (known)
        {
            for (var p = property; p != null; p = p.OverriddenProperty)
            {
                foreach (var api in _apis.ForProperty(property.Name))
                {
                    if (!IsType(p.ContainingType, api.Type)) continue;
                    return new ModelTarget(api.Kind, api.Describe(property.Name, null), api.Hosting);
                }
            }
        }
        if (_attributesPossible.Value && ModelIdAttributes.IsModelId(property))
            return new ModelTarget(null, property.ContainingType.Name + "." + property.Name, null);
        return null;
    }

    private static string Describe(IMethodSymbol method, string parameter) =>
        method.MethodKind == MethodKind.Constructor ? $"new {method.ContainingType.Name}({parameter})" : $"{method.ContainingType.Name}.{method.Name}({parameter})";

    internal static bool Contains(System.Collections.Generic.IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
            if (string.Equals(names[i], name, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// Is <paramref name="type"/> the type rules/sdk-apis.yaml names as <paramref name="fullName"/>
    /// (Namespace.Outer+Inner, generic arity left out)? Compared from the end, segment by segment, without allocating.
    /// </summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    public static bool IsType(INamedTypeSymbol? type, string fullName)
    {
        if (type is null) return false;
        var end = fullName.Length;
        ISymbol current = type;
        while (true)
        {
            var name = current.Name;
            var start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(fullName, start, name, 0, name.Length) != 0) return false;
            ISymbol? container;
            char separator;
            if (current is INamedTypeSymbol { ContainingType: { } outer })
            {
                container = outer;
                separator = '+';
            }
            else
            {
                container = current.ContainingNamespace;
                separator = '.';
            }
            if (container is null || container is INamespaceSymbol { IsGlobalNamespace: true }) return start == 0;
            if (start == 0 || fullName[start - 1] != separator) return false;
            end = start - 1;
            current = container;
        }
    }
}
