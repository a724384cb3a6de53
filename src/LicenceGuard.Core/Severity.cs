namespace LicenceGuard.Core;

public enum Severity
{
    Info = 0,
    Warning = 1,
    Error = 2,
}
