using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LicenceGuard.Analyzers.Detection.Flow;

/// <summary>
/// Options classes bound to configuration, and the sections they are bound to: <c>services.Configure&lt;T&gt;(section)</c>,
/// <c>AddOptions&lt;T&gt;().Bind(section)</c> or <c>.BindConfiguration("S")</c>, <c>section.Bind(instance)</c>,
/// <c>section.Get&lt;T&gt;()</c>. Found on first need from the compilation's calls of those names.
/// </summary>
internal sealed class ConfigurationBindings
{
    private static readonly string[] BindingNames = { "Configure", "Bind", "BindConfiguration", "Get" };

    private readonly Lazy<Dictionary<ITypeSymbol, List<string>>> _sections;

    public ConfigurationBindings(FlowContext context, CancellationToken cancellation) =>
        _sections = new Lazy<Dictionary<ITypeSymbol, List<string>>>(() => Find(context, cancellation), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The sections <paramref name="type"/> is bound to, directly or as the type of a bound class's property.</summary>
    public List<string> SectionsOf(ITypeSymbol type)
    {
        var found = new List<string>();
        if (_sections.Value.TryGetValue(type.OriginalDefinition, out var direct)) found.AddRange(direct);
        foreach (var bound in _sections.Value)
        {
            foreach (var member in bound.Key.GetMembers())
            {
                if (member is not IPropertySymbol property || !SymbolEqualityComparer.Default.Equals(property.Type.OriginalDefinition, type.OriginalDefinition)) continue;
                foreach (var section in bound.Value) found.Add(section.Length == 0 ? property.Name : section + ":" + property.Name);
            }
        }
        return found;
    }

    private static Dictionary<ITypeSymbol, List<string>> Find(FlowContext context, CancellationToken cancellation)
    {
        var sections = new Dictionary<ITypeSymbol, List<string>>(SymbolEqualityComparer.Default);
        foreach (var name in BindingNames)
        {
            foreach (var node in context.Names.Named(name))
            {
                cancellation.ThrowIfCancellationRequested();
                if (FlowContext.CallOf(node) is not InvocationExpressionSyntax call || context.OperationOf(call) is not IInvocationOperation invocation) continue;
                if (Binding(invocation, context) is { } binding)
                {
                    if (!sections.TryGetValue(binding.Type.OriginalDefinition, out var list)) sections[binding.Type.OriginalDefinition] = list = new List<string>();
                    if (!list.Contains(binding.Section)) list.Add(binding.Section);
                }
            }
        }
        return sections;
    }

    private static (ITypeSymbol Type, string Section)? Binding(IInvocationOperation invocation, FlowContext context)
    {
        var method = invocation.TargetMethod;
        string? section = null;
        ITypeSymbol? type = method.TypeArguments.Length == 1 ? method.TypeArguments[0] : null;
        foreach (var argument in invocation.Arguments)
        {
            var parameter = argument.Parameter?.Name;
            if (parameter == "config" || parameter == "configuration") section = ConfigurationReads.SectionOf(argument.Value, context.SingleValue);
            else if (parameter == "configSectionPath") section = ConstantStrings.Of(argument.Value);
            else if (parameter == "instance") type = Unwrapped(argument.Value).Type;
            else if (parameter == "key" && method.Name == "Bind" && section != null && ConstantStrings.Of(argument.Value) is { } key)
                section = section.Length == 0 ? key : section + ":" + key;
        }
        if (method.Name == "Bind" && method.TypeArguments.Length == 0 && invocation.Instance != null && section is null)
            section = ConfigurationReads.SectionOf(invocation.Instance, context.SingleValue);
        if (type is null || section is null || type.SpecialType != SpecialType.None || type.TypeKind != TypeKind.Class) return null;
        return (type, section);
    }

    private static IOperation Unwrapped(IOperation operation)
    {
        while (operation is IConversionOperation conversion) operation = conversion.Operand;
        return operation;
    }
}
