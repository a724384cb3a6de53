using System;

namespace LicenceGuard.Analyzers;

/// <summary>An exception in one line for LG0099: the type says what failed (FileLoadException: a dependency did not load).</summary>
internal static class FailureText
{
    public static string Of(Exception ex)
    {
        var inner = ex is TypeInitializationException { InnerException: { } i } ? i : ex;
        var message = inner.Message.Replace('\r', ' ').Replace('\n', ' ');
        return $"{inner.GetType().Name}: {message}";
    }
}
