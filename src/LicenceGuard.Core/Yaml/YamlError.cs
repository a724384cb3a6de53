namespace LicenceGuard.Core.Yaml;

/// <summary>Why a YAML file could not be read, and where.</summary>
public sealed class YamlError
{
    public YamlError(SourceLocation location, string message)
    {
        Location = location;
        Message = message;
    }

    public SourceLocation Location { get; }

    public string Message { get; }

    public override string ToString() => $"{Location}: {Message}";
}
