using System;
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
    // The table may run its factory on two threads at once (both analyzers start together); the Lazy makes the
    // parse itself happen once.
    private static readonly ConditionalWeakTable<SourceText, Lazy<ManifestState>> States = new();

    public static ManifestState Get(SourceText text, string path) =>
        States.GetValue(text, t => new Lazy<ManifestState>(() => ManifestState.Parse(t.ToString(), path))).Value;
}
