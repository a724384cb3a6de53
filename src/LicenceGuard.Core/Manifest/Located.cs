namespace LicenceGuard.Core.Manifest;

/// <summary>A value from models.yaml with the place it was written.</summary>
public sealed class Located<T>
{
    public Located(T value, SourceLocation location)
    {
        Value = value;
        Location = location;
    }

    public T Value { get; }
    public SourceLocation Location { get; }

    public override string ToString() => Value?.ToString() ?? string.Empty;
}
