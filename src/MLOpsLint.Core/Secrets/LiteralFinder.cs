using System.Runtime.CompilerServices;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
#endif

using MLOpsLint.Core.Text;

namespace MLOpsLint.Core.Secrets;

/// <summary>
/// Finds whether any of a hundred-odd ASCII literals (3+ bytes each) occurs in a byte buffer, ignoring ASCII case or
/// in exact case, in one vectorised pass: Hyperscan's "Teddy" prefilter, in its 16-bucket ("fat") form. The literals
/// are put into buckets; for each of three bytes of a literal (its rarest window, see <see cref="LiteralPlan"/>), two
/// 16-entry tables map the byte's low and high nibble to the buckets that accept it, so byte shuffles mark, 16
/// positions at a time, where some bucket's three-byte window may start. Only there is the window looked up (one hash
/// probe for the literals whose window it is: most positions that pass are mixes of nibbles no literal has), those
/// literals compared, and the caller's test decides (a case-sensitive literal, say). One pass is many times faster
/// than one search per literal. Without a byte shuffle (or on netstandard2.0) the same tables are read one position
/// at a time.
/// </summary>
internal sealed class LiteralFinder
{
    /// <summary>Decides on a folded match of literal <paramref name="literal"/> at <paramref name="at"/> of <paramref name="text"/>.</summary>
    public delegate bool Acceptor(ReadOnlySpan<byte> text, int literal, int at);

    public const int Buckets = 16;

    /// <summary>The widest vectors to use (256, 128, or 0 for none): tests run every path on one machine.</summary>
    internal static int VectorWidth { get; set; } = 256;
    /// <summary>0x20 to compare ignoring ASCII case (bit 5 set on every byte), 0 to compare exactly.</summary>
    private readonly byte Fold;

    private readonly byte[][] literals;

    /// <summary>The literals by their three-byte window: an open-addressing table from the window (its bytes as an
    /// int, plus one; 0 is a free slot) to a run of <see cref="byWindow"/>. A position the tables pass is looked up
    /// once, whatever its buckets: most such positions are mixes of nibbles that no literal has, and end there.</summary>
    private readonly int[] windowKeys;
    private readonly int[] windowStart;
    private readonly int[] windowEnd;
    private readonly int[] byWindow;

    /// <summary>Literals of two bytes (any third byte), compared at every position the tables pass.</summary>
    private readonly int[] twoByte;

    /// <summary>Where in each literal its three-byte window (the bytes the tables test) starts.</summary>
    private readonly int[] anchors;

    /// <summary>For each prefix byte k (0–2) and bucket half h (buckets 0–7, 8–15): the low-nibble table, then the
    /// high-nibble one, 16 bytes each, at <c>(k * 2 + h) * 32</c>.</summary>
    private readonly byte[] nibbleMasks = new byte[3 * 2 * 32];

    /// <param name="literals">Lower-case ASCII, at least 2 bytes each (a two-byte literal matches any third byte, so the
    /// compare decides); texts are compared with bit 5 set on every byte,
    /// so the literals must be written the same way (<c>_</c> as 0x7F).</param>
    /// <param name="bucketOf">The bucket (0–15) of each literal. Each bucket's tables accept every combination of its
    /// literals' nibbles, so mixed windows let more positions through to the lookup (<see cref="LiteralPlan"/> chooses
    /// buckets that keep them few).</param>
    /// <param name="anchorOf">Where each literal's three-byte window starts (<see cref="LiteralPlan"/>); by default
    /// at its first byte.</param>
    public LiteralFinder(IReadOnlyList<byte[]> literals, IReadOnlyList<int> bucketOf, bool ignoreCase = true, IReadOnlyList<int>? anchorOf = null)
    {
        Fold = ignoreCase ? (byte)0x20 : (byte)0;
        this.literals = literals.ToArray();
        anchors = anchorOf?.ToArray() ?? new int[literals.Count];
        for (int i = 0; i < literals.Count; i++)
        {
            if (literals[i].Length < 2) throw new ArgumentException("literals need two bytes", nameof(literals));
            int bucket = bucketOf[i];
            int half = bucket >> 3;
            byte bit = (byte)(1 << (bucket & 7));
            for (int k = 0; k < 3; k++)
            {
                int table = (k * 2 + half) * 32;
                if (anchors[i] + k >= literals[i].Length)
                {
                    // a two-byte literal accepts any third byte
                    for (int n = 0; n < 32; n++) nibbleMasks[table + n] |= bit;
                    continue;
                }
                byte b = literals[i][anchors[i] + k];
                nibbleMasks[table + (b & 0xF)] |= bit;
                nibbleMasks[table + 16 + (b >> 4)] |= bit;
            }
        }
        // the literals of three bytes or more grouped by window, windows in the order of first appearance (plain loops: generic
        // LINQ over ints is not in the runtime's ReadyToRun images, and the token scanner builds this at every start)
        var shortOnes = new List<int>();
        var windowOrder = new List<int>();
        var literalsOf = new Dictionary<int, List<int>>();
        for (int i = 0; i < this.literals.Length; i++)
        {
            if (this.literals[i].Length < 3)
            {
                shortOnes.Add(i);
                continue;
            }
            int window = WindowOf(i);
            if (!literalsOf.TryGetValue(window, out var members))
            {
                literalsOf[window] = members = new List<int>();
                windowOrder.Add(window);
            }
            members.Add(i);
        }
        twoByte = shortOnes.ToArray();
        int size = 16;
        while (size < windowOrder.Count * 4) size *= 2;
        windowKeys = new int[size];
        windowStart = new int[size];
        var runs = new List<int>();
        int at = 0;
        var runEnd = new int[size];
        foreach (int window in windowOrder)
        {
            var members = literalsOf[window];
            runs.AddRange(members);
            int slot = Slot(window);
            while (windowKeys[slot] != 0) slot = (slot + 1) & (size - 1);
            windowKeys[slot] = window + 1;
            windowStart[slot] = at;
            at += members.Count;
            runEnd[slot] = at;
        }
        byWindow = runs.ToArray();
        windowEnd = runEnd;
    }

    private int WindowOf(int literal)
    {
        byte[] l = literals[literal];
        int a = anchors[literal];
        return l[a] | l[a + 1] << 8 | l[a + 2] << 16;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(int key) => (int)((uint)key * 0x9E3779B1u >> 20) & (windowKeys.Length - 1);

    /// <summary>True when some literal occurs in <paramref name="text"/> (case folded) at a place <paramref name="accept"/>
    /// approves.</summary>
    [MethodImpl(HotPath.Optimized)] // one call reads a whole document: tier-0 code would be many times slower
    public bool Any(ReadOnlySpan<byte> text, Acceptor accept)
    {
        int i = 0;
#if NET8_0_OR_GREATER
        if (Avx2.IsSupported && VectorWidth >= 256 && text.Length >= 18)
        {
            if (ScanAvx2(text, accept, out i)) return true;
        }
        else if ((Ssse3.IsSupported || AdvSimd.Arm64.IsSupported) && VectorWidth >= 128 && text.Length >= 18)
        {
            if (Scan128(text, accept, out i)) return true;
        }
#endif
        for (; i < text.Length; i++)
        {
            int buckets = 0xFFFF;
            for (int k = 0; k < 3 && buckets != 0; k++)
            {
                byte b = i + k < text.Length ? (byte)(text[i + k] | Fold) : (byte)0;
                int low = (k * 2) * 32, high = (k * 2 + 1) * 32;
                buckets &= (nibbleMasks[low + (b & 0xF)] & nibbleMasks[low + 16 + (b >> 4)])
                    | (nibbleMasks[high + (b & 0xF)] & nibbleMasks[high + 16 + (b >> 4)]) << 8;
            }
            if (buckets != 0 && Verify(text, i, accept)) return true;
        }
        return false;
    }

    [MethodImpl(HotPath.Optimized)]
    private bool Verify(ReadOnlySpan<byte> text, int at, Acceptor accept)
    {
        foreach (int l in twoByte)
        {
            if (Matches(text, l, at) && accept(text, l, at)) return true;
        }
        if (at + 3 > text.Length) return false;
        int key = (text[at] | Fold) | (text[at + 1] | Fold) << 8 | (text[at + 2] | Fold) << 16;
        int slot = Slot(key);
        while (true)
        {
            int k = windowKeys[slot];
            if (k == 0) return false;
            if (k == key + 1) break;
            slot = (slot + 1) & (windowKeys.Length - 1);
        }
        for (int r = windowStart[slot]; r < windowEnd[slot]; r++)
        {
            int l = byWindow[r];
            int start = at - anchors[l];
            if (Matches(text, l, start) && accept(text, l, start)) return true;
        }
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Matches(ReadOnlySpan<byte> text, int l, int start)
    {
        byte[] literal = literals[l];
        if (start < 0 || start + literal.Length > text.Length) return false;
        int k = 0;
        while (k < literal.Length && (byte)(text[start + k] | Fold) == literal[k]) k++;
        return k == literal.Length;
    }

#if NET8_0_OR_GREATER
    /// <summary>16 positions a step: each 16-byte load is doubled into both 128-bit lanes, the low lane looked up in
    /// buckets 0–7's tables and the high lane in 8–15's. Runs while the loads at +0, +1, +2 fit; <paramref name="next"/>
    /// is where the position-by-position loop takes over.</summary>
    [MethodImpl(HotPath.Optimized)]
    private bool ScanAvx2(ReadOnlySpan<byte> text, Acceptor accept, out int next)
    {
        ref byte start = ref MemoryMarshal.GetReference(text);
        var fold = Vector128.Create(Fold);
        var low = Vector256.Create((byte)0x0F);
        Vector256<byte> T(int k, int nibble) => Vector256.Create(Table((k * 2) * 32 + nibble * 16), Table((k * 2 + 1) * 32 + nibble * 16));
        var lo0 = T(0, 0); var hi0 = T(0, 1); var lo1 = T(1, 0); var hi1 = T(1, 1); var lo2 = T(2, 0); var hi2 = T(2, 1);
        int i = 0;
        for (; i + 18 <= text.Length; i += 16)
        {
            var m = Lookup(Both(Vector128.LoadUnsafe(ref start, (nuint)i) | fold), lo0, hi0, low)
                & Lookup(Both(Vector128.LoadUnsafe(ref start, (nuint)(i + 1)) | fold), lo1, hi1, low)
                & Lookup(Both(Vector128.LoadUnsafe(ref start, (nuint)(i + 2)) | fold), lo2, hi2, low);
            if (m == Vector256<byte>.Zero) continue;
            uint lanes = ~Vector256.Equals(m, Vector256<byte>.Zero).ExtractMostSignificantBits();
            uint hits = (lanes | lanes >> 16) & 0xFFFF;
            while (hits != 0)
            {
                int j = BitOperations.TrailingZeroCount(hits);
                hits &= hits - 1;
                if (Verify(text, i + j, accept))
                {
                    next = i;
                    return true;
                }
            }
        }
        next = i;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Both(Vector128<byte> v) => Vector256.Create(v, v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Lookup(Vector256<byte> v, Vector256<byte> lo, Vector256<byte> hi, Vector256<byte> low) =>
        Avx2.Shuffle(lo, v & low) & Avx2.Shuffle(hi, Vector256.ShiftRightLogical(v.AsUInt16(), 4).AsByte() & low);

    /// <summary>The same with 128-bit shuffles: each half of the buckets is looked up on its own.</summary>
    [MethodImpl(HotPath.Optimized)]
    private bool Scan128(ReadOnlySpan<byte> text, Acceptor accept, out int next)
    {
        ref byte start = ref MemoryMarshal.GetReference(text);
        var fold = Vector128.Create(Fold);
        var low = Vector128.Create((byte)0x0F);
        Vector128<byte> T(int k, int half, int nibble) => Table((k * 2 + half) * 32 + nibble * 16);
        int i = 0;
        for (; i + 18 <= text.Length; i += 16)
        {
            var v0 = Vector128.LoadUnsafe(ref start, (nuint)i) | fold;
            var v1 = Vector128.LoadUnsafe(ref start, (nuint)(i + 1)) | fold;
            var v2 = Vector128.LoadUnsafe(ref start, (nuint)(i + 2)) | fold;
            var a = Lookup(v0, T(0, 0, 0), T(0, 0, 1), low) & Lookup(v1, T(1, 0, 0), T(1, 0, 1), low) & Lookup(v2, T(2, 0, 0), T(2, 0, 1), low);
            var b = Lookup(v0, T(0, 1, 0), T(0, 1, 1), low) & Lookup(v1, T(1, 1, 0), T(1, 1, 1), low) & Lookup(v2, T(2, 1, 0), T(2, 1, 1), low);
            var any = a | b;
            if (any == Vector128<byte>.Zero) continue;
            uint hits = ~Vector128.Equals(any, Vector128<byte>.Zero).ExtractMostSignificantBits() & 0xFFFF;
            while (hits != 0)
            {
                int j = BitOperations.TrailingZeroCount(hits);
                hits &= hits - 1;
                if (Verify(text, i + j, accept))
                {
                    next = i;
                    return true;
                }
            }
        }
        next = i;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Lookup(Vector128<byte> v, Vector128<byte> lo, Vector128<byte> hi, Vector128<byte> low)
    {
        var l = v & low;
        var h = Vector128.ShiftRightLogical(v.AsUInt16(), 4).AsByte() & low;
        return Ssse3.IsSupported
            ? Ssse3.Shuffle(lo, l) & Ssse3.Shuffle(hi, h)
            : AdvSimd.Arm64.VectorTableLookup(lo, l) & AdvSimd.Arm64.VectorTableLookup(hi, h);
    }

    private Vector128<byte> Table(int offset) => Vector128.Create(nibbleMasks, offset);
#endif
}
