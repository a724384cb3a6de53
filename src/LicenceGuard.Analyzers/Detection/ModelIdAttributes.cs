using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LicenceGuard.Analyzers.Detection;

/// <summary>
/// LicenceGuard's attributes are matched by name, so a project can declare them itself without referencing a
/// LicenceGuard assembly: <c>[ModelId]</c> on a parameter or property of the user's own API, and
/// <c>[HandlesData("health")]</c> on data classes and the members that handle them.
/// </summary>
public static class ModelIdAttributes
{
    public const string ModelId = "ModelIdAttribute";
    public const string HandlesData = "HandlesDataAttribute";

    public static bool IsModelId(ISymbol symbol) => Has(symbol.GetAttributes(), ModelId);

    public static bool Has(ImmutableArray<AttributeData> attributes, string name)
    {
        foreach (var a in attributes)
            if (IsNamed(a, name)) return true;
        return false;
    }

    public static bool IsNamed(AttributeData attribute, string name)
    {
        var cls = attribute.AttributeClass;
        if (cls is null) return false;
        // [ModelId] binds to ModelIdAttribute; an unresolved attribute still carries the name as written.
        return string.Equals(cls.Name, name, StringComparison.Ordinal) ||
               string.Equals(cls.Name + "Attribute", name, StringComparison.Ordinal);
    }
}
