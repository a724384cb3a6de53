using System.Collections.Immutable;
using LicenceGuard.Core.Catalogue;

namespace LicenceGuard.Analyzers.Detection;

/// <summary>What the catalogue says about a literal, in words for the message and as properties for the code fix.</summary>
internal static class ModelClassification
{
    public static ModelMatch? Match(LicenceCatalogue catalogue, string literal) => catalogue.Match(literal.Trim());

    public static string Describe(ModelMatch? match) => match is null
        ? "the catalogue does not know it, so its licence must be looked up by hand"
        : $"the catalogue knows it as {match.Family.Name} by {match.Family.Maker} ({match.Family.Kind}), licensed under {match.LicenceId}";

    public static ImmutableDictionary<string, string?> Properties(string literal, string referenceKind, ModelMatch? match)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        builder[DiagnosticProperties.ModelId] = literal;
        builder[DiagnosticProperties.ReferenceKind] = referenceKind;
        if (match != null)
        {
            builder[DiagnosticProperties.ModelKind] = match.Family.Kind;
            builder[DiagnosticProperties.Maker] = match.Family.Maker;
            builder[DiagnosticProperties.Licence] = match.LicenceId;
            builder[DiagnosticProperties.Family] = match.Family.Name;
        }
        return builder.ToImmutable();
    }

    /// <summary>
    /// Outside a known API only a confident match counts: an exact known model, or a pattern that is more than a
    /// provider prefix ("azure/*" would flag every "azure/…" string).
    /// </summary>
    public static bool IsConfident(ModelMatch match) =>
        match.Model != null || !(match.MatchedBy.EndsWith("/*", System.StringComparison.Ordinal) || match.MatchedBy == "*");
}
