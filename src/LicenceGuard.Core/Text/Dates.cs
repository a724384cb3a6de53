using System;
using System.Globalization;

namespace LicenceGuard.Core.Text;

/// <summary>Days as every output writes them (2026-11-29), in the Gregorian calendar whatever the machine's culture
/// (a Thai-locale machine would otherwise print 2569).</summary>
public static class Dates
{
    public static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Day(DateTime? day) => day is { } d ? Day(d) : null;
}
