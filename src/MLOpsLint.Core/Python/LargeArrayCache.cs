namespace MLOpsLint.Core.Python;

/// <summary>
/// Arrays too large for the front end's pools (the tokens and parser tables of a module of more than about a megabyte),
/// kept for the next large module through weak references only. A pool that held them would keep the largest file's
/// arrays for the rest of the scan; making each one new made every large module allocate tens of megabytes on the
/// large-object heap (the tokens of a 2 MB file of one token per character are 32 MB), which the collector keeps committed
/// as free space long after, and which triggered most of a scan's gen-2 collections. Held weakly, an array is reused while
/// the collector has not needed its room, and given back when it has: what the front end holds is bounded by the largest
/// module being parsed, not by the sum of the large ones. Sizes are rounded up (at most an eighth) so that modules of
/// similar size share arrays. Thread-safe; arrays are not cleared.
/// </summary>
internal static class LargeArrayCache<T>
{
    /// <summary>How many arrays are kept (a module's parse uses up to six of one type at once, two modules at a time).</summary>
    private const int Slots = 12;

    /// <summary>The longest array .NET makes (<c>Array.MaxLength</c>, which netstandard2.0 lacks).</summary>
    internal const int MaxLength = 0x7FFFFFC7;

    private static readonly WeakReference<T[]>?[] Kept = new WeakReference<T[]>?[Slots];

    /// <summary>An array of at least <paramref name="minimumLength"/> elements: the smallest kept one that is large enough,
    /// or a new one of the rounded-up length.</summary>
    public static T[] Rent(int minimumLength)
    {
        lock (Kept)
        {
            int best = -1;
            T[]? found = null;
            for (int i = 0; i < Slots; i++)
            {
                if (Kept[i] is { } w && w.TryGetTarget(out var a) && a.Length >= minimumLength && (found == null || a.Length < found.Length))
                {
                    found = a;
                    best = i;
                }
            }
            if (found != null)
            {
                Kept[best]!.SetTarget(null!);
                return found;
            }
        }
        return new T[RoundUp(minimumLength)];
    }

    /// <summary>Keeps <paramref name="array"/> (weakly) for a later <see cref="Rent"/>: in a free slot, or in place of the
    /// smallest kept array when it is larger.</summary>
    public static void Return(T[] array)
    {
        lock (Kept)
        {
            int smallest = -1;
            int smallestLength = int.MaxValue;
            for (int i = 0; i < Slots; i++)
            {
                var w = Kept[i];
                if (w == null)
                {
                    Kept[i] = new WeakReference<T[]>(array);
                    return;
                }
                if (!w.TryGetTarget(out var a))
                {
                    w.SetTarget(array);
                    return;
                }
                if (ReferenceEquals(a, array)) return;
                if (a.Length < smallestLength)
                {
                    smallest = i;
                    smallestLength = a.Length;
                }
            }
            if (smallestLength < array.Length) Kept[smallest]!.SetTarget(array);
        }
    }

    /// <summary><paramref name="n"/> rounded up to a multiple of an eighth of its highest power of two.</summary>
    internal static int RoundUp(int n)
    {
        if (n < 64) return Math.Max(n, 0);
        int step = 8;
        while (step <= n >> 4) step <<= 1; // an eighth of the highest power of two at most n
        long rounded = ((long)n + step - 1) / step * step;
        return rounded > MaxLength ? n : (int)rounded;
    }
}
