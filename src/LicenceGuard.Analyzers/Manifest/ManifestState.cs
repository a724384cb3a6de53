using System;
using System.Runtime.CompilerServices;
using LicenceGuard.Core.AnalyzerInput;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.CodeApis;

namespace LicenceGuard.Analyzers.Manifest;

/// <summary>
/// One snapshot of models.yaml as the code rules see it: the declared models with the build's verdict on each, the
/// catalogue's model families and the SDK table. In a build it is the gate's <see cref="AnalyzerSnapshot"/> of this
/// very text: nothing to parse or evaluate, and exactly the build's findings. In the editor after an edit (no
/// snapshot for this text yet) the declared names are read here with <see cref="SmallYamlReader"/>, and the verdicts,
/// families and SDK table are the last build's, or the embedded ones when there was none; <see cref="Notice"/> then
/// says so. The compiler's process never loads YamlDotNet this way (another analyzer may carry its own version).
/// Immutable once loaded, so every analyzer thread can share it.
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

    private ManifestState(Lazy<LicenceCatalogue> catalogue, Lazy<DeclaredModelIndex> models, Lazy<SdkApiTable> apis,
        LiteralPrefilter? prefilter, ManifestNotice? notice)
    {
        _catalogue = catalogue;
        _models = models;
        _apis = apis;
        _prefilter = prefilter is null
            ? new Lazy<LiteralPrefilter>(() => LiteralPrefilter.For(_models.Value, _catalogue.Value))
            : new Lazy<LiteralPrefilter>(() => prefilter);
        _catalogueOnDemand = prefilter != null;
        Notice = notice;
    }

    /// <summary>What to tell at models.yaml: the verdicts are not this text's, or the text could not be read here. Null in a build.</summary>
    public ManifestNotice? Notice { get; }

    /// <summary>The catalogue's model families (with the organisation's overrides when they come from a build).</summary>
    public LicenceCatalogue Catalogue => _catalogue.Value;

    public DeclaredModelIndex Models => _models.Value;

    public SdkApiTable Apis => _apis.Value;

    /// <summary>Whether a literal could name a declared model or a catalogue family (see <see cref="LiteralPrefilter"/>).</summary>
    public LiteralPrefilter Prefilter => _prefilter.Value;

    /// <summary>The build gate's view of this text, already evaluated.</summary>
    public static ManifestState FromSnapshot(AnalyzerSnapshot snapshot) => new(
        new Lazy<LicenceCatalogue>(() => snapshot.Catalogue), new Lazy<DeclaredModelIndex>(() => snapshot.Models),
        new Lazy<SdkApiTable>(() => snapshot.Apis), snapshot.Prefilter, notice: null);

    /// <summary>
    /// models.yaml as edited since the last build (<paramref name="lastBuild"/>, null when there was none): its names read
    /// here, the rest from the last build. Text the small reader cannot read keeps the last build's declared models.
    /// </summary>
    public static ManifestState FromText(string text, string path, AnalyzerSnapshot? lastBuild)
    {
        var root = SmallYamlReader.Read(text, path, out var error);
        var models = error is null ? DeclaredNames.Read(root, lastBuild?.Models) : lastBuild?.Models ?? DeclaredModelIndex.Empty;
        var catalogue = new Lazy<LicenceCatalogue>(() => lastBuild?.Catalogue ?? CatalogueLoader.EmbeddedFamilies());
        var apis = new Lazy<SdkApiTable>(() => lastBuild?.Apis ?? SdkApiTable.Embedded);
        var notice = error is null ? ManifestNotice.Stale(path, lastBuild != null) : ManifestNotice.Unreadable(error);
        return new ManifestState(catalogue, new Lazy<DeclaredModelIndex>(() => models), apis, prefilter: null, notice);
    }

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
