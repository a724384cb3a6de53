namespace LicenceGuard.Core.Dependencies;

/// <summary>Where a package's licence information came from.</summary>
public enum LicenceSource
{
    /// <summary>The nuspec carries no licence data at all.</summary>
    None = 0,

    /// <summary><c>&lt;license type="expression"&gt;</c>: an SPDX expression.</summary>
    Expression,

    /// <summary><c>&lt;license type="file"&gt;</c>: a licence text inside the package.</summary>
    File,

    /// <summary>Only the deprecated <c>&lt;licenseUrl&gt;</c>.</summary>
    Url,
}

/// <summary>A package's licence metadata as read from its nuspec (or, when asked, the feed).</summary>
public sealed class PackageLicence
{
    public LicenceSource Source { get; set; }

    /// <summary>The expression as written (Expression), or the one a well-known licence URL stands for (Url).</summary>
    public string? Expression { get; set; }

    /// <summary>The parsed expression; null when there is none or it could not be parsed.</summary>
    public LicenceTerm? Term { get; set; }

    /// <summary>The licence file's path inside the package (File).</summary>
    public string? File { get; set; }

    /// <summary>The legacy licence URL (Url), kept also when an expression was derived from it.</summary>
    public string? Url { get; set; }

    /// <summary>True when the data came from a feed look-up because the nuspec had none.</summary>
    public bool FromFeed { get; set; }

    /// <summary>True when <see cref="Term"/> was established by matching the licence file's text to a standard licence.</summary>
    public bool IdentifiedByText { get; set; }

    /// <summary>Why the expression could not be used (parse error, unsupported licence version), when that happened.</summary>
    public string? Problem { get; set; }

    public string Describe() => Source switch
    {
        LicenceSource.Expression when Term != null => Term.ToString(),
        LicenceSource.Expression => $"the expression '{Expression}'" + (Problem is null ? string.Empty : $" ({Problem})"),
        LicenceSource.File when Term != null => $"{Term} (its licence file '{File}' is the standard {Term} text)",
        LicenceSource.File => $"the licence file '{File}'" + (Problem is null ? ", not a standard licence text" : $" ({Problem})"),
        LicenceSource.Url when Term != null => $"{Term} (from its licence URL {Url})",
        LicenceSource.Url => $"only the licence URL {Url}",
        _ => "no licence information",
    };
}
