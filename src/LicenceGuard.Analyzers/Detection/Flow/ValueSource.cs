using Microsoft.CodeAnalysis;

namespace LicenceGuard.Analyzers.Detection.Flow;

/// <summary>What a value that reaches a model parameter can be, as far as the build can tell.</summary>
internal enum SourceKind
{
    /// <summary>A string written in the code (a literal, a constant expression).</summary>
    Constant,
    /// <summary>A value of appsettings*.json read through IConfiguration or bound options.</summary>
    Configuration,
    /// <summary>Known only when the program runs: environment, user input, a configuration key with no value here.</summary>
    Runtime,
    /// <summary>A runtime value that passes through the runtime guard (ModelGuard.Require).</summary>
    Guarded,
}

/// <summary>One origin of a model parameter's value: what it is, where it is written and the way it took.</summary>
internal sealed class ValueSource
{
    public ValueSource(SourceKind kind, string? value, Location location, string path, string? description = null, Location? readAt = null, bool isLiteral = false)
    {
        IsLiteral = isLiteral;
        ReadAt = readAt;
        Kind = kind;
        Value = value;
        Location = location;
        Path = path;
        Description = description;
    }

    public SourceKind Kind { get; }
    /// <summary>The model ID or path (constants and configuration values); null for runtime values.</summary>
    public string? Value { get; }
    /// <summary>Where the value is written: the literal, the JSON value, or the runtime read.</summary>
    public Location Location { get; }
    /// <summary>The way from the value to the parameter, for people ("via local 'model', parameter 'model' of Chat"); empty when direct.</summary>
    public string Path { get; }
    /// <summary>For runtime and configuration values: what the value is ("environment variable 'MODEL'").</summary>
    public string? Description { get; }
    /// <summary>For configuration values: the code that reads the key.</summary>
    public Location? ReadAt { get; }
    /// <summary>A constant written as a string literal (the literal rule relays a declared model's findings there).</summary>
    public bool IsLiteral { get; }
}
