using System.Linq;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Manifest;

namespace LicenceGuard.Core.Policy;

/// <summary>Which catalogue family a declared model belongs to, from its ID, aliases, base model and provider.</summary>
internal static class ModelResolver
{
    /// <summary>
    /// What the catalogue knows of a declared model: its base model's family when it declares one (a fine-tune carries
    /// the base licence), the provider's terms when it names a provider that has its own (Azure OpenAI), else its
    /// ID or an alias, else a fine-tune name the catalogue recognises.
    /// </summary>
    public static ModelMatch? Resolve(ModelEntry m, LicenceCatalogue catalogue)
    {
        var id = m.Id.Value;
        if (m.BaseModel is { } declaredBase && catalogue.Match(declaredBase.Value) is { } baseMatch)
            return new ModelMatch(id, baseMatch.Family, baseMatch.Model, $"baseModel: {declaredBase.Value}", derivative: true);
        if (m.Provider is { } provider && (catalogue.MatchFromProvider(id, provider.Value) ??
            m.Aliases.Select(a => catalogue.MatchFromProvider(a.Value, provider.Value)).FirstOrDefault(x => x != null)) is { } fromProvider)
            return fromProvider;
        var direct = catalogue.Match(id) ?? m.Aliases.Select(a => catalogue.Match(a.Value)).FirstOrDefault(x => x != null);
        if (direct is null) return catalogue.MatchDerivative(id);
        // "myorg/llama-3.1-8b-ft-v2" matches Llama 3.1 only by its last segment: another organisation's repository
        // under a fine-tune name is a derivative (a weights file path is the model itself, not a derivative).
        var byNameOnly = direct.Model is null && !Glob.IsMatch(direct.MatchedBy, id) && ModelFileExtensions.Match(id, ModelFileExtensions.Weights) is null;
        return byNameOnly && catalogue.MatchDerivative(id) is { } derived && derived.Family.Id == direct.Family.Id ? derived : direct;
    }
}
