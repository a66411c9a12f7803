using System.Buffers;

namespace MLOpsLint.Core.Python.Structure;

/// <summary>
/// Pools for the parser's per-module scratch arrays. Not <see cref="ArrayPool{T}.Shared"/>: the shared pool trims
/// its per-thread buckets on every gen-2 collection, and a repository scan that keeps thousands of parsed modules
/// alive runs many of them — trimming showed up as seconds in profiles. These pools never trim.
/// </summary>
internal static class ScratchPool<T>
{
    public static readonly ArrayPool<T> Pool = ArrayPool<T>.Create(maxArrayLength: 1 << 24, maxArraysPerBucket: 16);
}
