using System.Runtime.CompilerServices;

namespace LicenceGuard.Core.Text;

/// <summary>
/// The analyzer's per-node methods run tens of thousands of times in a compiler process that keeps calling new methods
/// for the first time, which holds back tiered compilation: measured with bench/analyzer, they ran unoptimised (tier 0,
/// nothing inlined) for much of a build and cost several times their optimised price. Marking them
/// <c>AggressiveOptimization</c> compiles them optimised on first call. netstandard2.0 does not name the flag, so it is
/// written by value (512, as in .NET's MethodImplOptions); runtimes without tiering (.NET Framework) optimise every
/// method anyway and ignore it.
/// </summary>
public static class JitHints
{
    public const MethodImplOptions AggressiveOptimization = (MethodImplOptions)512;
}
