using System.CommandLine;
using LicenceGuard.Hardware.Verb;

namespace LicenceGuard.Cli.Commands;

/// <summary>
/// <c>licenceguard verify-hardware</c>: the hardware check of LicenceGuard.Hardware, the same verb, options and
/// attestation as the stand-alone <c>licenceguard-hw</c> that platform teams copy to a GPU server.
/// </summary>
public static class VerifyHardwareCommand
{
    public static Command Create() => VerifyHardwareVerb.Create("licenceguard");
}
