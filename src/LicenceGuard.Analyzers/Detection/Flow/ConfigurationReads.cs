using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LicenceGuard.Analyzers.Detection.Flow;

/// <summary>
/// Reads of Microsoft.Extensions.Configuration and the keys they name: <c>config["AI:Model"]</c>,
/// <c>config.GetValue&lt;string&gt;("AI:Model")</c>, <c>config.GetSection("AI")["Model"]</c>,
/// <c>config.GetSection("AI:Model").Value</c>, <c>GetConnectionString("x")</c>. A section's path is resolved through
/// <c>GetSection</c> chains and through locals and fields that hold a section (through the caller's <c>valueOf</c>).
/// </summary>
internal static class ConfigurationReads
{
    private const string Namespace = "Microsoft.Extensions.Configuration";

    /// <summary>Is this a configuration read? <paramref name="key"/> is its full key, or null when the key is not a constant.</summary>
    public static bool IsRead(IOperation operation, Func<IOperation, IOperation?> valueOf, out string? key, out IOperation? fallback)
    {
        key = null;
        fallback = null;
        switch (operation)
        {
            case IPropertyReferenceOperation { Property.IsIndexer: true } indexer when IsConfiguration(indexer.Property.ContainingType) && indexer.Arguments.Length == 1:
                key = Join(SectionOf(indexer.Instance, valueOf), ConstantStrings.Of(indexer.Arguments[0].Value));
                return true;
            case IPropertyReferenceOperation { Property.Name: "Value" } value when IsConfiguration(value.Property.ContainingType):
                key = SectionOf(value.Instance, valueOf);
                return true;
            case IInvocationOperation invocation when IsConfigurationExtension(invocation.TargetMethod):
                var name = invocation.TargetMethod.Name;
                if (name != "GetValue" && name != "GetConnectionString") return false;
                string? section = null, part = null;
                foreach (var argument in invocation.Arguments)
                {
                    switch (argument.Parameter?.Name)
                    {
                        case "configuration": section = SectionOf(argument.Value, valueOf); break;
                        case "key": case "name": part = ConstantStrings.Of(argument.Value); break;
                        case "defaultValue" when argument.ArgumentKind != ArgumentKind.DefaultValue: fallback = argument.Value; break;
                    }
                }
                if (name == "GetConnectionString") section = Join(section, "ConnectionStrings");
                key = Join(section, part);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The configuration path an IConfiguration value stands for: "" for the root, null when not known.</summary>
    public static string? SectionOf(IOperation? operation, Func<IOperation, IOperation?> valueOf)
    {
        for (var depth = 0; operation != null && depth < 8; depth++)
        {
            while (operation is IConversionOperation conversion) operation = conversion.Operand;
            if (operation is IInvocationOperation { TargetMethod.Name: "GetSection" or "GetRequiredSection" } call)
            {
                IOperation? parent = call.Instance;
                string? part = null;
                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter?.Name == "key") part = ConstantStrings.Of(argument.Value);
                    else if (argument.Parameter?.Ordinal == 0 && call.TargetMethod.IsExtensionMethod) parent = argument.Value;
                }
                return part is null ? null : Join(SectionOf(parent, valueOf), part);
            }
            if (operation.Type is not INamedTypeSymbol type || !IsConfiguration(type)) return null;
            // A section held in a local or a field: its one value. Anything else of a configuration type is the root
            // (IConfiguration injected, builder.Configuration).
            var held = valueOf(operation);
            if (held is null) return IsSection(type) ? null : "";
            operation = held;
        }
        return null;
    }

    private static string? Join(string? section, string? key)
    {
        if (section is null || key is null) return null;
        return section.Length == 0 ? key : section + ":" + key;
    }

    public static bool IsConfiguration(INamedTypeSymbol? type)
    {
        if (type is null) return false;
        if (IsConfigurationInterface(type)) return true;
        foreach (var i in type.AllInterfaces)
            if (IsConfigurationInterface(i)) return true;
        return false;
    }

    private static bool IsConfigurationInterface(INamedTypeSymbol type) =>
        type.Name == "IConfiguration" && type.ContainingNamespace?.ToDisplayString() == Namespace;

    private static bool IsSection(INamedTypeSymbol type) => type.Name == "IConfigurationSection" || type.Name == "ConfigurationSection";

    private static bool IsConfigurationExtension(IMethodSymbol method)
    {
        var type = method.ContainingType;
        return (type.Name == "ConfigurationBinder" || type.Name == "ConfigurationExtensions") && type.ContainingNamespace?.ToDisplayString() == Namespace;
    }
}
