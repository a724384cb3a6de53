using System;
using System.Globalization;
using LicenceGuard.Core.Document;

namespace LicenceGuard.Core.Reports;

/// <summary>Values of the compliance document as its JSON spells them, so that a report says what the manifest says.</summary>
internal static class Spelling
{
    /// <summary>"pass", "not-pinned", "inside-or-not-sensitive", "warning".</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => KebabCaseEnumConverter<TEnum>.NameOf(value);

    /// <summary>A number as the manifest writes it: "700000000", "8.57".</summary>
    public static string Of(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Of(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Of(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"file:line" of a place in models.yaml or a catalogue file, or null when it has no line.</summary>
    public static string? Place(FileLocation? location) =>
        location is { Line: > 0 } l ? l.File + ":" + l.Line.ToString(CultureInfo.InvariantCulture) : null;
}
