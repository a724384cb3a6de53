using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LicenceGuard.Analyzers.Detection.Flow;

/// <summary>Locals, parameters, fields, properties and method results: where each got its value.</summary>
internal sealed partial class ValueFlow
{
    private static readonly SymbolDisplayFormat MemberFormat = SymbolDisplayFormat.CSharpShortErrorMessageFormat;

    private void VisitLocal(ILocalReferenceOperation reference, Way way, int depth, bool elements)
    {
        var local = reference.Local;
        if (!_visited.Add(local)) return;
        way = way.Then((local.IsConst ? "const local '" : "local '") + local.Name + "'");
        var first = _sources.Count;
        var found = false;
        var guarded = false;
        foreach (var node in Root(reference).Descendants())
        {
            switch (node)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (InitializerOf(declarator) is { } initial)
                    {
                        found = true;
                        Visit(initial, way, depth, elements);
                    }
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    found = true;
                    Visit(assignment.Value, way, depth, elements);
                    break;
                case IForEachLoopOperation loop when loop.Locals.Contains(local, SymbolEqualityComparer.Default):
                    found = true;
                    Visit(loop.Collection, way, depth, elements: true);
                    break;
                case IInvocationOperation call when IsGuard(call) && call.Arguments.Any(a => Unwrap(a.Value) is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, local)):
                    guarded = true;
                    break;
            }
        }
        if (!found) Runtime(reference, way, "local '" + local.Name + "', set where LicenceGuard cannot follow");
        if (guarded) Guard(first);
    }

    private void VisitParameter(IParameterReferenceOperation reference, Way way, int depth, bool elements)
    {
        var parameter = reference.Parameter.OriginalDefinition;
        if (!_visited.Add(parameter)) return;
        var member = parameter.ContainingSymbol;
        way = way.Then($"parameter '{parameter.Name}' of {member.ToDisplayString(MemberFormat)}");
        var first = _sources.Count;
        var found = false;
        if (parameter.HasExplicitDefaultValue)
        {
            foreach (var syntax in parameter.DeclaringSyntaxReferences)
            {
                if (syntax.GetSyntax(_cancellation) is ParameterSyntax { Default: { } defaultValue } && _context.OperationOf(defaultValue) is IParameterInitializerOperation initializer)
                {
                    found = true;
                    Visit(initializer.Value, way.Then("its default"), depth, elements);
                }
            }
        }
        if (member is IMethodSymbol method && method.MethodKind != MethodKind.AnonymousFunction)
        {
            var name = method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name;
            foreach (var node in _context.Names.Named(name))
            {
                if (FlowContext.CallOf(node) is not { } call || !(_context.OperationOf(call) is { } operation)) continue;
                var (target, arguments) = operation switch
                {
                    IInvocationOperation i => (i.TargetMethod, i.Arguments),
                    IObjectCreationOperation c when c.Constructor != null => (c.Constructor, c.Arguments),
                    _ => (null, default),
                };
                if (target is null || !SymbolEqualityComparer.Default.Equals((target.ReducedFrom ?? target).OriginalDefinition, method.OriginalDefinition)) continue;
                foreach (var argument in arguments)
                {
                    if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter?.Ordinal != parameter.Ordinal) continue;
                    found = true;
                    Visit(argument.Value, way, depth, elements);
                }
            }
        }
        if (!found) Runtime(reference, way, $"parameter '{parameter.Name}' of {member.ToDisplayString(MemberFormat)}, whose callers pass it at run time");
        if (Root(reference).Descendants().Any(o => o is IInvocationOperation call && IsGuard(call) &&
                call.Arguments.Any(a => Unwrap(a.Value) is IParameterReferenceOperation p && SymbolEqualityComparer.Default.Equals(p.Parameter.OriginalDefinition, parameter))))
            Guard(first);
    }

    private void VisitField(IFieldReferenceOperation reference, Way way, int depth, bool elements)
    {
        var field = reference.Field.OriginalDefinition;
        // string.Empty: no model.
        if (field.ContainingType.SpecialType == SpecialType.System_String) return;
        if (!_visited.Add(field)) return;
        way = way.Then((field.IsConst ? "const " : "field ") + field.ContainingType.Name + "." + field.Name);
        var found = false;
        foreach (var syntax in field.DeclaringSyntaxReferences)
        {
            if (syntax.GetSyntax(_cancellation) is VariableDeclaratorSyntax { Initializer: { } initializer } && _context.OperationOf(initializer) is IFieldInitializerOperation init)
            {
                found = true;
                Visit(init.Value, way, depth, elements);
            }
        }
        if (!field.IsConst) found |= VisitAssignments(field, way, depth, elements);
        if (found) return;
        if (field.IsConst) Constant(reference, way);
        else Runtime(reference, way, $"field {field.ContainingType.Name}.{field.Name}, set where LicenceGuard cannot follow");
    }

    private void VisitProperty(IPropertyReferenceOperation reference, Way way, int depth, bool elements)
    {
        if (ConfigurationReads.IsRead(reference, _context.SingleValue, out var key, out _))
        {
            VisitConfiguration(reference, key, way);
            return;
        }
        var property = reference.Property.OriginalDefinition;
        if (property.IsIndexer)
        {
            // models["chat"], list[0]: the collection's elements.
            if (reference.Instance != null) Visit(reference.Instance, way, depth, elements: true);
            return;
        }
        if (!_visited.Add(property)) return;
        way = way.Then("property " + property.ContainingType.Name + "." + property.Name);
        var found = false;
        foreach (var section in _context.Bindings.SectionsOf(property.ContainingType))
        {
            found = true;
            VisitConfiguration(reference, section.Length == 0 ? property.Name : section + ":" + property.Name, way);
        }
        foreach (var syntax in property.DeclaringSyntaxReferences)
        {
            if (syntax.GetSyntax(_cancellation) is not PropertyDeclarationSyntax declaration) continue;
            if (declaration.Initializer is { } initializer && _context.OperationOf(initializer) is IPropertyInitializerOperation init)
            {
                found = true;
                Visit(init.Value, way, depth, elements);
            }
            var body = declaration.ExpressionBody?.Expression ?? declaration.AccessorList?.Accessors.FirstOrDefault(a => a.Keyword.ValueText == "get")?.ExpressionBody?.Expression;
            if (body != null && _context.OperationOf(body) is { } value)
            {
                found = true;
                Visit(value, way, depth, elements);
            }
        }
        found |= VisitAssignments(property, way, depth, elements);
        if (!found) Runtime(reference, way, $"property {property.ContainingType.Name}.{property.Name}, set where LicenceGuard cannot follow");
    }

    /// <summary>Every <c>member = value</c> in the compilation, object initialisers included.</summary>
    private bool VisitAssignments(ISymbol member, Way way, int depth, bool elements)
    {
        var found = false;
        foreach (var node in _context.Names.Named(member.Name))
        {
            SyntaxNode target = node.Parent is MemberAccessExpressionSyntax access && access.Name == node ? access : node;
            if (target.Parent is not AssignmentExpressionSyntax assignment || assignment.Left != target) continue;
            if (_context.OperationOf(assignment) is not ISimpleAssignmentOperation operation) continue;
            var assigned = operation.Target switch
            {
                IFieldReferenceOperation f => f.Field.OriginalDefinition,
                IPropertyReferenceOperation p => (ISymbol)p.Property.OriginalDefinition,
                _ => null,
            };
            if (!SymbolEqualityComparer.Default.Equals(assigned, member)) continue;
            found = true;
            Visit(operation.Value, way, depth, elements);
        }
        return found;
    }

    private void VisitInvocation(IInvocationOperation invocation, Way way, int depth, bool elements)
    {
        var method = invocation.TargetMethod;
        if (IsGuard(invocation))
        {
            _sources.Add(new ValueSource(SourceKind.Guarded, null, invocation.Syntax.GetLocation(), way.Describe()));
            return;
        }
        if (ConfigurationReads.IsRead(invocation, _context.SingleValue, out var key, out var fallback))
        {
            VisitConfiguration(invocation, key, way);
            Visit(fallback, way, depth, elements);
            return;
        }
        var type = method.ContainingType;
        if (type.Name == "Environment" && method.Name == "GetEnvironmentVariable")
        {
            var name = invocation.Arguments.Length > 0 ? ConstantStrings.Of(invocation.Arguments[0].Value) : null;
            Runtime(invocation, way, name is null ? "an environment variable" : $"environment variable '{name}'");
            return;
        }
        if (type.Name == "Enumerable" && invocation.Arguments.Length > 0 && (elements || IsElementPick(method.Name)))
        {
            // models.First(), and in a collection's elements models.Where(…).ToList(): the source's elements; a
            // Select or ToDictionary: what its (value) selector returns.
            if (elements && SelectorOf(invocation) is { } selector)
            {
                foreach (var returned in selector.Body.Descendants().OfType<IReturnOperation>())
                    if (returned.ReturnedValue != null && ReturnsFrom(returned, selector)) Visit(returned.ReturnedValue, way, depth, elements: false);
            }
            else Visit(invocation.Arguments[0].Value, way, depth, elements: true);
            return;
        }
        if (!_visited.Add(method.OriginalDefinition) || !VisitReturns(method, way.Then("result of " + method.ToDisplayString(MemberFormat)), depth, elements))
            Runtime(invocation, way, "the result of " + method.ToDisplayString(MemberFormat));
    }

    /// <summary>The values a method in source returns.</summary>
    private bool VisitReturns(IMethodSymbol method, Way way, int depth, bool elements)
    {
        var found = false;
        foreach (var syntax in method.OriginalDefinition.DeclaringSyntaxReferences)
        {
            if (syntax.GetSyntax(_cancellation) is not MethodDeclarationSyntax declaration) continue;
            if (declaration.ExpressionBody is { } arrow && _context.OperationOf(arrow.Expression) is { } value)
            {
                found = true;
                Visit(value, way, depth, elements);
            }
            else if (declaration.Body is { } body && _context.OperationOf(body) is { } block)
            {
                foreach (var returned in block.Descendants().OfType<IReturnOperation>())
                {
                    if (returned.ReturnedValue is null) continue;
                    found = true;
                    Visit(returned.ReturnedValue, way, depth, elements);
                }
            }
        }
        return found;
    }

    /// <summary>The values of appsettings*.json under <paramref name="key"/>; a key with none is a runtime value.</summary>
    private void VisitConfiguration(IOperation read, string? key, Way way)
    {
        if (key is null)
        {
            Runtime(read, way, "a configuration key LicenceGuard cannot tell");
            return;
        }
        var found = false;
        foreach (var (value, location) in _context.Settings.ValuesOf(key))
        {
            if (value.Value.Trim().Length == 0) continue;
            found = true;
            _sources.Add(new ValueSource(SourceKind.Configuration, value.Value, location, way.Then($"configuration key '{key}'").Describe(), key, read.Syntax.GetLocation()));
        }
        if (!found) Runtime(read, way, $"configuration key '{key}', which has no value in appsettings*.json");
    }

    /// <summary>The element (value) selector of Select, ToDictionary or ToLookup: the last lambda argument.</summary>
    private static IAnonymousFunctionOperation? SelectorOf(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.Name is not ("Select" or "ToDictionary" or "ToLookup")) return null;
        for (var i = invocation.Arguments.Length - 1; i > 0; i--)
            if (Unwrap(invocation.Arguments[i].Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation selector }) return selector;
        return null;
    }

    /// <summary>Is <paramref name="returned"/> a return of <paramref name="function"/> itself, not of a lambda inside it?</summary>
    private static bool ReturnsFrom(IReturnOperation returned, IAnonymousFunctionOperation function)
    {
        for (var parent = returned.Parent; parent != null; parent = parent.Parent)
            if (parent is IAnonymousFunctionOperation enclosing) return enclosing == function;
        return false;
    }

    /// <summary>Enumerable's methods that take one element of a collection (models.First()).</summary>
    internal static bool IsElementPick(string name) =>
        name is "First" or "FirstOrDefault" or "Last" or "LastOrDefault" or "Single" or "SingleOrDefault" or "ElementAt" or "ElementAtOrDefault";

    /// <summary>LicenceGuard.Runtime's ModelGuard.Require(modelId): the model is checked when the program runs.</summary>
    private static bool IsGuard(IInvocationOperation call) =>
        call.TargetMethod.Name == "Require" && call.TargetMethod.ContainingType.Name == "ModelGuard";

    /// <summary>The runtime values found since <paramref name="first"/> pass through the guard.</summary>
    private void Guard(int first)
    {
        for (var i = first; i < _sources.Count; i++)
        {
            var source = _sources[i];
            if (source.Kind == SourceKind.Runtime)
                _sources[i] = new ValueSource(SourceKind.Guarded, null, source.Location, source.Path, source.Description);
        }
    }
}
