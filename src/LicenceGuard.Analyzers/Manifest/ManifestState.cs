using System.Runtime.CompilerServices;
using System;
using LicenceGuard.Core.AnalyzerInput;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.CodeApis;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Analyzers.Manifest;

/// <summary>
/// One snapshot of models.yaml as the code rules see it: the declared models with the build's verdict on each, the
/// catalogue's model families and the SDK table. Either read from the build gate's <see cref="AnalyzerSnapshot"/> (a
/// build: nothing to parse or evaluate) or, when there is none for this text (an edit in the IDE), parsed and
/// evaluated here. Immutable once loaded, so every analyzer thread can share it.
/// </summary>
public sealed class ManifestState
{
    private readonly Lazy<LicenceCatalogue> _catalogue;
    private readonly Lazy<DeclaredModelIndex> _models;
    private readonly Lazy<SdkApiTable> _apis;
    private readonly Lazy<LiteralPrefilter> _prefilter;

    // From a snapshot the prefilter is read, not built, and the catalogue is needed only by the rare literal that gets
    // past it: then it is not loaded ahead.
    private readonly bool _catalogueOnDemand;

    private ManifestState(bool hasManifest, Lazy<LicenceCatalogue> catalogue, Lazy<DeclaredModelIndex> models, Lazy<SdkApiTable> apis,
        LiteralPrefilter? prefilter = null)
    {
        HasManifest = hasManifest;
        _catalogue = catalogue;
        _models = models;
        _apis = apis;
        _prefilter = prefilter is null
            ? new Lazy<LiteralPrefilter>(() => LiteralPrefilter.For(_models.Value, _catalogue.Value))
            : new Lazy<LiteralPrefilter>(() => prefilter);
        _catalogueOnDemand = prefilter != null;
    }

    /// <summary>False when models.yaml is not YAML at all: the build reports that (LG1001), the code rules stay quiet.</summary>
    public bool HasManifest { get; }

    /// <summary>The catalogue's model families (and, when parsed here, the licences this manifest needs).</summary>
    public LicenceCatalogue Catalogue => _catalogue.Value;

    public DeclaredModelIndex Models => _models.Value;

    public SdkApiTable Apis => _apis.Value;

    /// <summary>Whether a literal could name a declared model or a catalogue family (see <see cref="LiteralPrefilter"/>).</summary>
    public LiteralPrefilter Prefilter => _prefilter.Value;

    /// <summary>Parses and evaluates models.yaml here (loaded on first use; see <see cref="Prepare"/>).</summary>
    public static ManifestState Parse(string text, string path, PolicyOptions? options = null)
    {
        var read = ManifestReader.ReadText(text, path);
        var manifest = read.Manifest;
        var catalogue = new Lazy<LicenceCatalogue>(() => AnalyzerCatalogue.For(manifest));
        var models = new Lazy<DeclaredModelIndex>(() => manifest is null
            ? DeclaredModelIndex.Empty
            : DeclaredModelIndex.From(PolicyEvaluator.Evaluate(manifest, catalogue.Value, options ?? new PolicyOptions())));
        return new ManifestState(manifest != null, catalogue, models, new Lazy<SdkApiTable>(() => SdkApiTable.Embedded));
    }

    /// <summary>The build gate's view, already evaluated.</summary>
    public static ManifestState FromSnapshot(AnalyzerSnapshot snapshot) => new(true,
        new Lazy<LicenceCatalogue>(() => snapshot.Catalogue), new Lazy<DeclaredModelIndex>(() => snapshot.Models),
        new Lazy<SdkApiTable>(() => snapshot.Apis), snapshot.Prefilter);

    /// <summary>
    /// Loads what the node actions will need now, on the one thread that runs the compilation start: loaded lazily,
    /// every thread that needed it first would wait, and each wait would count.
    /// </summary>
    public void Prepare()
    {
        if (!_catalogueOnDemand) _ = _catalogue.Value;
        _ = _models.Value;
        _ = _apis.Value;
        _ = _prefilter.Value;
    }

    /// <summary>The declared model a literal names: ID or alias (case-insensitive), or for a path its file name.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DeclaredModel? Find(string literal) => _models.Value.Find(literal);
}
