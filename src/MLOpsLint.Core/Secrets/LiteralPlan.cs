namespace MLOpsLint.Core.Secrets;

/// <summary>
/// Where each literal's three-byte window sits and which of <see cref="LiteralFinder"/>'s 16 buckets it joins, chosen
/// so the vectorised search stops at few places where no literal is. A bucket's tables accept every mix of its
/// literals' nibbles, so a position passes when its bytes are in those mixes; how often that happens is estimated from
/// how often each byte occurs in source code (<see cref="PerMillion"/>). Each literal takes its rarest window, then
/// literals join buckets greedily, the most frequent first, each where it adds least to the estimate, and a few rounds
/// move single literals while that lowers it. Deterministic, and a few milliseconds for a hundred literals.
/// </summary>
internal static class LiteralPlan
{
    /// <summary>Occurrences per million bytes of each ASCII byte in source code: the Python 3.11 standard library with
    /// its site-packages (195 MB of text, measured once). Only the ratios matter.</summary>
    private static readonly int[] PerMillion =
    {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 89, 30162, 0, 0, 983, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        244156, 126, 24325, 2120, 426, 249, 69, 6012, 9387, 9385, 2599, 1139, 17174, 6661, 15210, 3159,
        6920, 6522, 5525, 3390, 3239, 3106, 3262, 2334, 2679, 2573, 13359, 153, 409, 6207, 2187, 153,
        311, 3841, 1219, 2872, 2122, 3918, 1885, 1292, 786, 3199, 338, 629, 2199, 1832, 3227, 1849,
        2347, 497, 2826, 3798, 3868, 1090, 976, 1098, 449, 427, 424, 2843, 1409, 2839, 160, 13370,
        1336, 36521, 8033, 17918, 19130, 62424, 14356, 11348, 8677, 32950, 1107, 3289, 24390, 14280, 31679, 30871,
        15956, 1595, 36453, 36151, 42546, 13599, 3913, 3911, 7148, 7628, 1191, 2214, 596, 2211, 101, 0,
    };

    /// <summary>Letters follow letters far more often than their own frequencies say (words): a window's estimate is
    /// multiplied by this for each pair of neighbouring letters in it.</summary>
    private const double LetterPair = 4.0;

    /// <summary>The window start and the bucket of each literal, for <see cref="LiteralFinder"/>'s constructor.
    /// <paramref name="literals"/> are written as the finder compares them (bit 5 set on every byte when
    /// <paramref name="ignoreCase"/>).</summary>
    /// <remarks>Run once per process. Not marked <c>AggressiveOptimization</c>: such a method is left out of the
    /// ReadyToRun image and JIT-compiled at full optimization on every start (~3 ms of every scan that prints a line, as
    /// the redaction of output builds the token scanner); the image's code is optimized already. Without an image (the
    /// portable package) it starts in tier-0 code and on-stack replacement moves its loops to optimized code.</remarks>
    public static (int[] Anchors, int[] Buckets) For(IReadOnlyList<byte[]> literals, bool ignoreCase)
    {
        var w = new double[256];
        for (int b = 0; b < 256; b++) w[ignoreCase ? b | 0x20 : b] += (b < 128 ? PerMillion[b] : 10) / 1e6;
        for (int b = 0; b < 256; b++) w[b] = Math.Max(w[b], 1e-6);
        var rows = RowSums(w);

        int n = literals.Count;
        var anchors = new int[n];
        var alone = new double[n];
        var windows = new Window[n];
        for (int i = 0; i < n; i++)
        {
            alone[i] = double.MaxValue;
            for (int k = 0; k == 0 || k + 3 <= literals[i].Length; k++)
            {
                double c = WindowCost(literals[i], k, w);
                if (c < alone[i])
                {
                    alone[i] = c;
                    anchors[i] = k;
                }
            }
            windows[i] = Window.Of(literals[i], anchors[i]);
        }

        const int buckets = LiteralFinder.Buckets;
        var masks = new Window[buckets];
        var cost = new double[buckets];
        var bucketOf = new int[n];
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Array.Sort(order, (x, y) => alone[x] != alone[y] ? alone[y].CompareTo(alone[x]) : x.CompareTo(y));
        foreach (int i in order)
        {
            int best = 0;
            double bestDelta = double.MaxValue;
            for (int b = 0; b < buckets; b++)
            {
                double delta = Cost(masks[b].With(windows[i]), rows) - cost[b];
                if (delta < bestDelta)
                {
                    bestDelta = delta;
                    best = b;
                }
            }
            masks[best] = masks[best].With(windows[i]);
            cost[best] = Cost(masks[best], rows);
            bucketOf[i] = best;
        }

        // a few rounds of moving one literal where it adds less than it does where it is
        for (int round = 0; round < 2; round++)
        {
            bool moved = false;
            foreach (int i in order)
            {
                int from = bucketOf[i];
                var rest = default(Window);
                for (int j = 0; j < n; j++) if (j != i && bucketOf[j] == from) rest = rest.With(windows[j]);
                double saved = cost[from] - Cost(rest, rows);
                int best = from;
                double bestDelta = saved;
                for (int b = 0; b < buckets; b++)
                {
                    if (b == from) continue;
                    double delta = Cost(masks[b].With(windows[i]), rows) - cost[b];
                    if (delta < bestDelta * 0.999)
                    {
                        bestDelta = delta;
                        best = b;
                    }
                }
                if (best == from) continue;
                masks[from] = rest;
                cost[from] = Cost(rest, rows);
                masks[best] = masks[best].With(windows[i]);
                cost[best] = Cost(masks[best], rows);
                bucketOf[i] = best;
                moved = true;
            }
            if (!moved) break;
        }
        return (anchors, bucketOf);
    }

    private static bool IsLetter(byte b) => (b | 0x20) is >= (byte)'a' and <= (byte)'z';

    private static double WindowCost(byte[] literal, int k, double[] w)
    {
        double c = 1;
        for (int j = k; j < k + 3 && j < literal.Length; j++)
        {
            c *= w[literal[j]];
            if (j > k && IsLetter(literal[j]) && IsLetter(literal[j - 1])) c *= LetterPair;
        }
        return c;
    }

    /// <summary>What a bucket's tables accept at each of the three window bytes: the low and high nibbles seen there,
    /// whether any byte goes (a two-byte literal's third), and whether every byte there is a letter.</summary>
    private struct Window
    {
        public int Lows0, Lows1, Lows2, Highs0, Highs1, Highs2;
        public bool Any2, Letters0, Letters1, Letters2, Used;

        public static Window Of(byte[] literal, int anchor)
        {
            var m = new Window { Used = true, Letters0 = true, Letters1 = true, Letters2 = true };
            byte b0 = literal[anchor], b1 = literal[anchor + 1];
            m.Lows0 = 1 << (b0 & 0xF);
            m.Highs0 = 1 << (b0 >> 4);
            m.Letters0 = IsLetter(b0);
            m.Lows1 = 1 << (b1 & 0xF);
            m.Highs1 = 1 << (b1 >> 4);
            m.Letters1 = IsLetter(b1);
            if (anchor + 2 < literal.Length)
            {
                byte b2 = literal[anchor + 2];
                m.Lows2 = 1 << (b2 & 0xF);
                m.Highs2 = 1 << (b2 >> 4);
                m.Letters2 = IsLetter(b2);
            }
            else
            {
                m.Any2 = true;
                m.Letters2 = false;
            }
            return m;
        }

        public readonly Window With(Window o) => !Used ? o : new Window
        {
            Used = true,
            Lows0 = Lows0 | o.Lows0, Lows1 = Lows1 | o.Lows1, Lows2 = Lows2 | o.Lows2,
            Highs0 = Highs0 | o.Highs0, Highs1 = Highs1 | o.Highs1, Highs2 = Highs2 | o.Highs2,
            Any2 = Any2 || o.Any2,
            Letters0 = Letters0 && o.Letters0, Letters1 = Letters1 && o.Letters1, Letters2 = Letters2 && o.Letters2,
        };
    }

    /// <summary>Estimated share of positions a bucket's tables pass: for each window byte, the total frequency of the
    /// bytes whose low and high nibbles both occur there among the members.</summary>
    private static double Cost(Window m, double[] rows)
    {
        if (!m.Used) return 0;
        double c = Share(m.Lows0, m.Highs0, rows) * Share(m.Lows1, m.Highs1, rows) * (m.Any2 ? 1 : Share(m.Lows2, m.Highs2, rows));
        if (m.Letters0 && m.Letters1) c *= LetterPair;
        if (m.Letters1 && m.Letters2) c *= LetterPair;
        return c;
    }

    /// <summary>For each high nibble h and each set m of eight low nibbles: the total weight of the bytes
    /// <c>h &lt;&lt; 4 | l</c> for l in m, at <c>(h * 2) * 256 + m</c> for low nibbles 0–7 and
    /// <c>(h * 2 + 1) * 256 + m</c> for 8–15.</summary>
    private static double[] RowSums(double[] w)
    {
        var rows = new double[16 * 2 * 256];
        for (int h = 0; h < 16; h++)
        {
            for (int half = 0; half < 2; half++)
            {
                int row = (h * 2 + half) * 256;
                for (int m = 1; m < 256; m++) rows[row + m] = rows[row + (m & (m - 1))] + w[h << 4 | half << 3 | TrailingZeros(m)];
            }
        }
        return rows;
    }

    private static double Share(int lows, int highs, double[] rows)
    {
        double p = 0;
        for (int h = highs; h != 0; h &= h - 1)
        {
            int row = TrailingZeros(h) * 2 * 256;
            p += rows[row + (lows & 0xFF)] + rows[row + 256 + (lows >> 8)];
        }
        return p;
    }

    private static int TrailingZeros(int v)
    {
        int n = 0;
        while ((v & 1) == 0)
        {
            v >>= 1;
            n++;
        }
        return n;
    }
}
