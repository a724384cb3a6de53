using System;
using System.Linq;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Manifest;

namespace LicenceGuard.Core.Policy;

/// <summary>The duties a licence puts on models derived from its models: the naming duty (Llama 3.1+: "Llama" first).</summary>
internal static class DerivativeChecker
{
    public static void Check(ModelEntry m, ModelMatch? match, Licence terms, Action<string, string, SourceLocation, (string, string)[]> add)
    {
        if (match is not { IsDerivative: true } || terms.DerivativeNamePrefix is not { Length: > 0 } prefix) return;
        var name = m.Id.Value.Substring(m.Id.Value.LastIndexOf('/') + 1);
        if (Letters(name).StartsWith(Letters(prefix), StringComparison.Ordinal)) return;
        var naming = terms.DerivativeNaming;
        var quote = naming?.Quote is null ? string.Empty : $" (\"{naming.Quote}\"{(naming.SourceUrl is null ? string.Empty : ", " + naming.SourceUrl)})";
        add(DiagnosticIds.DerivativeNamingNotMet,
            $"model '{m.Id.Value}' derives from {match.Family.Name} ({match.MatchedBy}), and {terms.Name} requires \"{prefix}\" at the beginning of a derivative model's name; '{name}' does not start with it{quote}",
            m.Id.Location, new[] { ("prefix", prefix), ("name", name), ("base", match.MatchedBy), ("source", naming?.SourceUrl ?? string.Empty) });
    }

    /// <summary>"Llama-3.1-8B" and "llama 3.1 8b" name alike: letters and digits, lower-cased.</summary>
    private static string Letters(string text) => new string(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
