namespace LicenceGuard.Analyzers.Rules;

/// <summary>
/// What every LicenceGuard rule shares. Only compile-time constants from LicenceGuard.Core are used here, so the
/// descriptors exist even when LicenceGuard.Core.dll cannot be loaded (the failure is then reported as LG0099).
/// Descriptors carry no help link: one is built per process and cannot know where the package is installed or which
/// documentation base a project set, and a link to a site that does not exist is worse than none. The page is
/// rules/diagnostics/LGxxxx.md in the package, and <c>licenceguard explain LGxxxx</c> prints it.
/// </summary>
internal static class RuleHelp
{
    public const string Category = "LicenceGuard.Code";
}
