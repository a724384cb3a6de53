namespace LicenceGuard.Analyzers.Detection;

/// <summary>A model-identifying value in a JSON configuration file, with where its string starts (1-based line and column).</summary>
public sealed class ConfigValue
{
    public ConfigValue(string key, string path, string value, int line, int column, int start, int length)
    {
        Key = key;
        Path = path;
        Value = value;
        Line = line;
        Column = column;
        Start = start;
        Length = length;
    }

    /// <summary>The property name that marks the value (ChatModel).</summary>
    public string Key { get; }
    /// <summary>The configuration path (AI:OpenAI:ChatModel), as IConfiguration names it.</summary>
    public string Path { get; }
    public string Value { get; }
    public int Line { get; }
    public int Column { get; }
    /// <summary>Character offset of the opening quote in the file's text, and the length including quotes.</summary>
    public int Start { get; }
    public int Length { get; }
}
