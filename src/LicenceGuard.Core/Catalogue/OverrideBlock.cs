using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.Catalogue;

/// <summary>
/// The <c>override:</c> block an organisation file needs when it changes facts of the embedded catalogue: who made
/// the change, why, the document it rests on (a signed agreement, counsel's opinion), and, when the change relaxes a
/// restriction, the person who approved it, as for a waiver.
/// </summary>
internal sealed class OverrideBlock
{
    public const string Key = "override";

    private OverrideBlock(SourceLocation location) => Location = location;

    public SourceLocation Location { get; }
    public Located<string>? By { get; private set; }
    public Located<string>? Reason { get; private set; }
    public Located<string>? Source { get; private set; }
    public Located<string>? Approver { get; private set; }

    /// <summary>Reads the block; a missing block or field is an error at the file's top.</summary>
    /// <param name="overridden">What the file changes, for the message: "facts of the embedded licence 'MIT'".</param>
    public static OverrideBlock Read(YMapping licenceFile, string overridden, NodeReader r)
    {
        const string what = "the 'override' block";
        if (r.Mapping(licenceFile[Key], $"'{Key}'") is not { } map)
        {
            r.Error(licenceFile.Location, $"this file overrides {overridden}: add 'override: {{ by: NAME, reason: WHY, source: DOCUMENT }}' " +
                "(and 'approver: NAME' when it relaxes a restriction) so that the change is reviewable");
            return new OverrideBlock(licenceFile.Location);
        }
        r.CheckKeys(map, what, "by", "reason", "source", "approver");
        return new OverrideBlock(map.Location)
        {
            By = r.String(map, "by", what, required: true),
            Reason = r.String(map, "reason", what, required: true),
            Source = r.String(map, "source", what, required: true),
            Approver = r.String(map, "approver", what),
        };
    }
}
