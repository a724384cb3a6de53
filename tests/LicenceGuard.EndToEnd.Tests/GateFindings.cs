using System.Text.RegularExpressions;

namespace LicenceGuard.EndToEnd.Tests;

/// <summary>One LicenceGuard finding as a person reads it: in the build's log or in `licenceguard check`'s output.</summary>
public sealed record GateFinding(string Id, string Severity, string File, int Line, int Column, string Message);

/// <summary>
/// The compliance findings (LG1xxx, LG2xxx: the gate's, not the compiler's LG0xxx) parsed from what a person sees, in
/// the order they were written: MSBuild's lines (up to its summary, which repeats them, without the project suffix and the node number)
/// and the CLI's lines in the same canonical form.
/// </summary>
public static partial class GateFindings
{
    public static List<GateFinding> FromBuild(string output)
    {
        var summary = output.LastIndexOf("Build succeeded.", StringComparison.Ordinal);
        if (summary < 0) summary = output.LastIndexOf("Build FAILED.", StringComparison.Ordinal);
        return Parse(summary < 0 ? output : output.Substring(0, summary), ProjectSuffix());
    }

    public static List<GateFinding> FromCli(string output) => Parse(output, null);

    private static List<GateFinding> Parse(string text, Regex? suffix) =>
        text.Split('\n').Select(l => l.TrimEnd('\r').Trim()).Select(l => suffix is null ? l : NodePrefix().Replace(suffix.Replace(l, string.Empty), string.Empty))
            .Select(l => Line().Match(l)).Where(m => m.Success)
            .Select(m => new GateFinding(m.Groups["id"].Value, m.Groups["severity"].Value, m.Groups["file"].Value,
                int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["column"].Value), m.Groups["message"].Value))
            .ToList();

    [GeneratedRegex(@"^(?<file>.+?)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning|message|info) (?<id>LG[12]\d{3}): (?<message>.*)$")]
    private static partial Regex Line();

    [GeneratedRegex(@" \[[^\[\]]+\.csproj(::[^\]]*)?\]$")]
    private static partial Regex ProjectSuffix();

    /// <summary>The build node's number, which MSBuild puts before some lines ("1>").</summary>
    [GeneratedRegex(@"^\d+>")]
    private static partial Regex NodePrefix();
}
