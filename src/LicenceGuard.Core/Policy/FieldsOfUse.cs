using System;
using System.Collections.Generic;

namespace LicenceGuard.Core.Policy;

/// <summary>
/// The fields of use the catalogue's use restrictions are written in. <c>organisation.fieldsOfUse</c> is compared with
/// them; a value outside this list cannot be compared with any licence and is reported (LG1026) rather than ignored.
/// </summary>
public static class FieldsOfUse
{
    private static readonly SortedSet<string> Vocabulary = new(StringComparer.Ordinal)
    {
        // Fields that licences restrict, wholly or in part.
        "military", "weapons", "nuclear", "surveillance", "law-enforcement", "migration", "biometric-identification",
        "critical-infrastructure", "healthcare", "legal", "finance", "credit", "insurance", "employment", "housing",
        "education", "political-campaigning", "minors",
        // Common fields no catalogued licence restricts: known, so they are not reported as unknown.
        "research", "customer-service", "software-development", "marketing", "media", "entertainment", "retail", "general",
    };

    public static IReadOnlyCollection<string> Known => Vocabulary;

    public static bool IsKnown(string field) => Vocabulary.Contains(Normalise(field));

    public static string Normalise(string field) => field.Trim().ToLowerInvariant();
}
