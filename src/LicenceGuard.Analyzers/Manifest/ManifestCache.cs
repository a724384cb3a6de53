using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Text;

namespace LicenceGuard.Analyzers.Manifest;

/// <summary>
/// models.yaml is parsed once per text snapshot: the compiler and the IDE hand every compilation the same
/// <see cref="SourceText"/> until the file changes, so a weak table keyed by the text object caches it without
/// keeping old snapshots alive. Editing models.yaml in the IDE makes a new snapshot, hence new squiggles without a build.
/// </summary>
internal static class ManifestCache
{
    private static readonly ConditionalWeakTable<SourceText, ManifestState> States = new();

    public static ManifestState Get(SourceText text, string path) =>
        States.GetValue(text, t => ManifestState.Parse(t.ToString(), path));
}
