using System;

namespace LicenceGuard.Hardware.Verb;

/// <summary>The verb's options, as parsed from the command line.</summary>
internal sealed record HardwareSettings(string Tool, bool AllowCpu, bool Json, int Device, string? Output, TimeSpan Timeout);
