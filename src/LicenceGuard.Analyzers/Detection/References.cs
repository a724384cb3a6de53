using System;
using System.Collections.Immutable;
using LicenceGuard.Analyzers.Rules;
using LicenceGuard.Core.AnalyzerInput;
using Microsoft.CodeAnalysis;

namespace LicenceGuard.Analyzers.Detection;

/// <summary>
/// Reports LG0022 for one model reference. The single way a reference leaves the analyzer for `scan`, `init` and the
/// build's compliance manifest, so all of them list what the analyzer found and nothing else.
/// </summary>
public static class References
{
    /// <summary>Property keys of LG0022, read back by the CLI and the build task.</summary>
    public const string Literal = "literal";
    public const string Kind = "kind";
    public const string Api = "api";
    /// <summary>The declared model's ID when the reference names one (the compliance manifest's key); absent otherwise.</summary>
    public const string DeclaredModel = "declaredModel";

    public static void Report(string literal, string kind, string? api, DeclaredModel? declared, Location location, Action<Diagnostic> report)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[Literal] = literal;
        properties[Kind] = kind;
        if (api != null) properties[Api] = api;
        if (declared != null) properties[DeclaredModel] = declared.Id;
        report(Diagnostic.Create(ModelReferenceRule.Descriptor, location, properties.ToImmutable(), literal, api is null ? kind : kind + ", " + api));
    }
}
