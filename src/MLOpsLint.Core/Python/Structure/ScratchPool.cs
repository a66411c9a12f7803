using System.Buffers;

namespace MLOpsLint.Core.Python.Structure;

/// <summary>
/// Pools for the parser's per-module scratch arrays. Not <see cref="ArrayPool{T}.Shared"/>: the shared pool trims
/// its per-thread buckets on every gen-2 collection, and a repository scan that keeps thousands of parsed modules
/// alive runs many of them — trimming showed up as seconds in profiles. These pools never trim, so they keep only
/// arrays up to <see cref="MaxPooled"/> elements: the arrays of a huge module (a file of a million nested brackets needs
/// tens of megabytes of them) are not held for the rest of the scan, only weakly for the next huge module
/// (<see cref="LargeArrayCache{T}"/>).
/// </summary>
internal static class ScratchPool<T>
{
    /// <summary>Arrays up to this many elements are pooled (a module of about a megabyte of source).</summary>
    public const int MaxPooled = 1 << 18;

    private static readonly ArrayPool<T> Pool = ArrayPool<T>.Create(maxArrayLength: MaxPooled, maxArraysPerBucket: 16);

    /// <summary>An array of at least <paramref name="minimumLength"/> elements (not cleared).</summary>
    public static T[] Rent(int minimumLength) => minimumLength <= MaxPooled ? Pool.Rent(minimumLength) : LargeArrayCache<T>.Rent(minimumLength);

    /// <summary>Gives back an array from <see cref="Rent"/> (one larger than <see cref="MaxPooled"/> is kept only weakly).</summary>
    public static void Return(T[] array, bool clearArray = false)
    {
        if (array.Length <= MaxPooled)
        {
            if (array.Length > 0) Pool.Return(array, clearArray);
            return;
        }
        if (clearArray) Array.Clear(array, 0, array.Length);
        LargeArrayCache<T>.Return(array);
    }
}
