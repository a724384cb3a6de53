using LicenceGuard.Core;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Analyzers.Manifest;

/// <summary>
/// What the analyzer tells at models.yaml when it is not relaying a build's evaluation of this text: that the licence
/// verdicts are the last build's (or none yet), LG0020, or that the editor could not read the text, LG0021, where.
/// </summary>
public sealed class ManifestNotice
{
    private ManifestNotice(bool unreadable, SourceLocation location, string message)
    {
        IsUnreadable = unreadable;
        Location = location;
        Message = message;
    }

    public bool IsUnreadable { get; }

    /// <summary>1-based line and column in models.yaml.</summary>
    public SourceLocation Location { get; }

    public string Message { get; }

    public static ManifestNotice Stale(string path, bool lastBuildExists) => new(false, new SourceLocation(path, 1, 1), lastBuildExists
        ? "models.yaml changed since the last build: the declared names are read from it, the licence verdicts are those of the last build until the next one"
        : "models.yaml has not been checked by a build yet: the declared names are read from it, the licence verdicts come with the first build");

    public static ManifestNotice Unreadable(YamlError error) => new(true, error.Location, error.Message + "; the declared models of the last build are used until the next build");
}
