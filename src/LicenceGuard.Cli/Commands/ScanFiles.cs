using LicenceGuard.Core.Files;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Cli.Commands;

/// <summary>
/// How scan reads the user's files: regular files only, within the input limit, so that a FIFO, a device or a huge
/// file in the scanned tree is passed over instead of hanging the scan or exhausting memory.
/// </summary>
internal static class ScanFiles
{
    public static string Read(string path) => Read(path, YamlLimits.Default.MaxBytes);

    public static string Read(string path, long maxBytes) => SafeFile.ReadAllText(path, maxBytes, out _) ?? string.Empty;
}
