using System.Text.Json.Serialization;

namespace LicenceGuard.Core.Document;

/// <summary>A model's or the whole manifest's verdict, from the unwaived findings.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<Verdict>))]
public enum Verdict
{
    Pass,
    Warn,
    Fail,
}

/// <summary>The company's figure beside a licence threshold.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<ThresholdStatus>))]
public enum ThresholdStatus
{
    Ok,
    Near,
    Exceeded,
    /// <summary>No figure: not reported, no exchange rate, or a metric this version does not know.</summary>
    Unknown,
}

/// <summary>The text a person reviewed against the text the catalogue's facts rest on.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<TextCheck>))]
public enum TextCheck
{
    Matches,
    Differs,
    /// <summary>The catalogue pins no text for this licence (LG1027): neither matched nor changed.</summary>
    NotPinned,
}

[JsonConverter(typeof(KebabCaseEnumConverter<PerimeterStatus>))]
public enum PerimeterStatus
{
    InsideOrNotSensitive,
    Violation,
}
