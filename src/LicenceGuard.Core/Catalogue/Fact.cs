namespace LicenceGuard.Core.Catalogue;

/// <summary>One licence fact with where it comes from, so a reader can check it against the text in minutes.</summary>
public sealed class Fact<T>
{
    public Fact(T value, string? source, string? sourceUrl, string? section, string? quote, SourceLocation location)
    {
        Value = value;
        Source = source;
        SourceUrl = sourceUrl;
        Section = section;
        Quote = quote;
        Location = location;
    }

    public T Value { get; }
    /// <summary>The key of the licence file's <c>sources:</c> entry.</summary>
    public string? Source { get; }
    /// <summary>The URL that key resolves to (repository path at a commit, or a page).</summary>
    public string? SourceUrl { get; }
    public string? Section { get; }
    public string? Quote { get; }
    public SourceLocation Location { get; }
}
