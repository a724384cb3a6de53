using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LicenceGuard.Analyzers.Detection;

/// <summary>
/// The data classes a piece of code handles, read from attributes on the calling member, its parameters and their
/// types, its containing types and the assembly: <c>[HandlesData("health")]</c> (matched by name) and
/// Microsoft.Extensions.Compliance data-classification attributes, whose class name gives the data class
/// (<c>[HealthData]</c> → "health", <c>[PrivateData]</c> → "private").
/// </summary>
public static class DataClasses
{
    private const string ClassificationAttribute = "DataClassificationAttribute";
    private const string ClassificationNamespace = "Microsoft.Extensions.Compliance.Classification";

    public static IReadOnlyCollection<string> HandledBy(ISymbol? member)
    {
        var found = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        if (member is null) return found;
        AddFrom(member, found);
        if (member is IMethodSymbol method)
        {
            foreach (var p in method.Parameters)
            {
                AddFrom(p, found);
                if (p.Type is INamedTypeSymbol t) AddFromType(t, found);
            }
            if (method.AssociatedSymbol != null) AddFrom(method.AssociatedSymbol, found);
        }
        for (var type = member.ContainingType; type != null; type = type.ContainingType) AddFromType(type, found);
        if (member.ContainingAssembly != null) AddFrom(member.ContainingAssembly, found);
        return found;
    }

    /// <summary>The type's own attributes and those of its fields and properties (a data class marks its members).</summary>
    private static void AddFromType(INamedTypeSymbol type, SortedSet<string> found)
    {
        if (type.SpecialType != SpecialType.None) return;
        AddFrom(type, found);
        if (type.Locations.Length == 0 || !type.Locations[0].IsInSource) return;
        foreach (var m in type.GetMembers())
            if (m is IPropertySymbol || m is IFieldSymbol) AddFrom(m, found);
    }

    private static void AddFrom(ISymbol symbol, SortedSet<string> found)
    {
        foreach (var a in symbol.GetAttributes())
        {
            if (ModelIdAttributes.IsNamed(a, ModelIdAttributes.HandlesData))
            {
                foreach (var arg in a.ConstructorArguments)
                {
                    if (arg.Kind == TypedConstantKind.Array) { foreach (var v in arg.Values) Add(v.Value as string, found); }
                    else Add(arg.Value as string, found);
                }
                continue;
            }
            if (a.AttributeClass is { } cls && IsClassification(cls)) Add(NameOf(cls), found);
        }
    }

    private static bool IsClassification(INamedTypeSymbol cls)
    {
        for (var t = cls; t != null; t = t.BaseType)
        {
            if (t.Name == ClassificationAttribute && t.ContainingNamespace?.ToDisplayString() == ClassificationNamespace) return true;
        }
        return false;
    }

    /// <summary>HealthDataAttribute → "health"; the base attribute itself names no class → "classified".</summary>
    private static string NameOf(INamedTypeSymbol cls)
    {
        var name = cls.Name;
        if (name == ClassificationAttribute) return "classified";
        if (name.EndsWith("Attribute", StringComparison.Ordinal)) name = name.Substring(0, name.Length - "Attribute".Length);
        if (name.EndsWith("Data", StringComparison.Ordinal) && name.Length > 4) name = name.Substring(0, name.Length - 4);
        return name.ToLowerInvariant();
    }

    private static void Add(string? value, SortedSet<string> found)
    {
        if (!string.IsNullOrWhiteSpace(value)) found.Add(value!.Trim());
    }
}
