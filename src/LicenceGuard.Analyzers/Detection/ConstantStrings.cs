using System.Runtime.CompilerServices;
using LicenceGuard.Core.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LicenceGuard.Analyzers.Detection;

/// <summary>
/// The compile-time string behind an operation: literals, const fields and locals, constant interpolations and
/// concatenations all carry a constant value; implicit conversions (string → Anthropic's Model, string → object) are
/// looked through.
/// </summary>
internal static class ConstantStrings
{
    [MethodImpl(JitHints.AggressiveOptimization)]
    public static string? Of(IOperation? value)
    {
        while (value is IConversionOperation conversion && conversion.IsImplicit) value = conversion.Operand;
        if (value is null) return null;
        var constant = value.ConstantValue;
        return constant.HasValue && constant.Value is string s && s.Length > 0 ? s : null;
    }
}
