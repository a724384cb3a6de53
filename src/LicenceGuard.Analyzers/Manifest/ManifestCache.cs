using System;
using System.Runtime.CompilerServices;
using LicenceGuard.Core.AnalyzerInput;
using Microsoft.CodeAnalysis.Text;

namespace LicenceGuard.Analyzers.Manifest;

/// <summary>
/// models.yaml is read once per text snapshot: the compiler and the IDE hand every compilation the same
/// <see cref="SourceText"/> until the file changes, so weak tables keyed by the text objects cache without keeping old
/// snapshots alive. Editing models.yaml in the IDE makes a new snapshot, hence new squiggles without a build; the build
/// gate's analyzer snapshot is relayed as is while it names the SHA-256 of the models.yaml text in hand, and is the
/// "last build" of <see cref="ManifestState.FromText"/> otherwise.
/// </summary>
internal static class ManifestCache
{
    // A table may run its factory on two threads at once (both analyzers start together); the Lazy makes the work
    // itself happen once.
    private static readonly ConditionalWeakTable<SourceText, Lazy<AnalyzerSnapshot?>> Snapshots = new();
    private static readonly ConditionalWeakTable<AnalyzerSnapshot, ManifestState> SnapshotStates = new();
    private static readonly ConditionalWeakTable<SourceText, Lazy<string>> Hashes = new();
    // Keyed by the models.yaml text, then by the last build's snapshot (a build may follow an edit).
    private static readonly ConditionalWeakTable<SourceText, ConditionalWeakTable<object, Lazy<ManifestState>>> Read = new();
    private static readonly object NoSnapshot = new();

    public static ManifestState Get(SourceText manifest, string path, SourceText? snapshot = null)
    {
        var last = snapshot is null ? null : Snapshots.GetValue(snapshot, t => new Lazy<AnalyzerSnapshot?>(() => AnalyzerSnapshot.Read(t.ToString()))).Value;
        if (last != null && string.Equals(Hash(manifest), last.ManifestSha256, StringComparison.Ordinal))
            return SnapshotStates.GetValue(last, ManifestState.FromSnapshot);
        var byLastBuild = Read.GetValue(manifest, _ => new ConditionalWeakTable<object, Lazy<ManifestState>>());
        return byLastBuild.GetValue((object?)last ?? NoSnapshot, _ => new Lazy<ManifestState>(() => ManifestState.FromText(manifest.ToString(), path, last))).Value;
    }

    private static string Hash(SourceText manifest) =>
        Hashes.GetValue(manifest, t => new Lazy<string>(() => AnalyzerSnapshot.Hash(t.ToString()))).Value;
}
