namespace LicenceGuard.Core.Catalogue;

/// <summary>
/// One fact of the embedded catalogue that an organisation file replaced: what it was, what it is now, whether that
/// relaxes a restriction, and the override block's who, why, source and approver. Each is a finding of its own
/// (LG1050), part of the compliance manifest and so of the approval lock; an unapproved relaxation is LG1051.
/// </summary>
public sealed class FactOverride
{
    internal FactOverride(string licenceId, string key, SourceLocation location, string embedded, string organisation, string organisationSha256, bool relaxes)
    {
        OrganisationSha256 = organisationSha256;
        LicenceId = licenceId;
        Key = key;
        Location = location;
        Embedded = embedded;
        Organisation = organisation;
        Relaxes = relaxes;
    }

    public string LicenceId { get; }
    /// <summary>The top-level licence key replaced (commercialUse, thresholds, …).</summary>
    public string Key { get; }
    /// <summary>Where the organisation file sets it.</summary>
    public SourceLocation Location { get; }
    /// <summary>The embedded catalogue's value, as compact YAML ("absent" when it had none).</summary>
    public string Embedded { get; }
    public string Organisation { get; }
    /// <summary>SHA-256 of the whole organisation value (the shown one is shortened), so that any change is drift.</summary>
    public string OrganisationSha256 { get; }
    /// <summary>True unless the change is shown to keep or tighten every restriction.</summary>
    public bool Relaxes { get; }
    public string? By { get; internal set; }
    public string? Reason { get; internal set; }
    public string? Source { get; internal set; }
    public string? Approver { get; internal set; }
}
