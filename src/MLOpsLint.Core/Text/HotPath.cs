using System.Runtime.CompilerServices;

namespace MLOpsLint.Core.Text;

/// <summary>
/// <c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0 does not name (the runtime reads the flag all
/// the same). Only on the small methods the lexer calls once per token: a scan is one pass of a few seconds, and
/// tiered compilation would run them unoptimized (and nothing inlined into them) until well into it. Compiled
/// optimized at their first call, they parsed the synthetic repository ~7% faster in a one-pass harness (scan wall
/// time ~4% better); small repositories were unchanged. The large parser methods are left to tiering: compiling them
/// optimized up front cost small scans more than it saved. The secret prefilter's vector loop (<c>LiteralFinder</c>) is
/// marked too: one call reads a whole document, and its tier-0 code ran ~8x slower than the optimized one.
/// </summary>
internal static class HotPath
{
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}
