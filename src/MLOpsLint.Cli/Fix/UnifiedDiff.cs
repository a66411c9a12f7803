using System.Text;

namespace MLOpsLint.Cli.Fix;

/// <summary>A unified diff (as <c>diff -u</c> / <c>git diff</c> print it) between two texts, by lines, with
/// three lines of context. Myers' algorithm: fast when few lines change, which is what fixes do.</summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    public static string Create(string path, string before, string after)
    {
        var a = SplitLines(before);
        var b = SplitLines(after);
        var ops = Diff(a, b);
        if (ops.All(o => o.Kind == ' ')) return "";
        var sb = new StringBuilder();
        sb.Append("--- a/").Append(path).Append('\n');
        sb.Append("+++ b/").Append(path).Append('\n');
        // group ops into hunks
        int i = 0;
        while (i < ops.Count)
        {
            while (i < ops.Count && ops[i].Kind == ' ') i++;
            if (i >= ops.Count) break;
            int start = Math.Max(0, i - Context);
            int end = i;
            int lastChange = i;
            while (end < ops.Count)
            {
                if (ops[end].Kind != ' ') lastChange = end;
                else if (end - lastChange > 2 * Context) break;
                end++;
            }
            end = Math.Min(ops.Count, lastChange + Context + 1);
            int aStart = ops[start].A, bStart = ops[start].B;
            int aLen = ops.Skip(start).Take(end - start).Count(o => o.Kind != '+');
            int bLen = ops.Skip(start).Take(end - start).Count(o => o.Kind != '-');
            sb.Append("@@ -").Append(Range(aStart, aLen)).Append(" +").Append(Range(bStart, bLen)).Append(" @@\n");
            for (int k = start; k < end; k++)
            {
                var o = ops[k];
                string line = o.Kind == '+' ? b[o.B] : a[o.A];
                sb.Append(o.Kind).Append(line.TrimEnd('\n', '\r')).Append('\n');
                if (!line.EndsWith("\n", StringComparison.Ordinal) && !line.EndsWith("\r", StringComparison.Ordinal))
                {
                    sb.Append("\\ No newline at end of file\n");
                }
            }
            i = end;
        }
        return sb.ToString();
    }

    private static string Range(int start0, int len) => len == 0 ? $"{start0},0" : len == 1 ? $"{start0 + 1}" : $"{start0 + 1},{len}";

    /// <summary>Lines with their terminators.</summary>
    internal static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        int s = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                lines.Add(text.Substring(s, i + 1 - s));
                s = i + 1;
            }
        }
        if (s < text.Length) lines.Add(text.Substring(s));
        return lines;
    }

    private readonly record struct Op(char Kind, int A, int B);

    private static List<Op> Diff(List<string> a, List<string> b)
    {
        int n = a.Count, m = b.Count;
        int max = n + m;
        var v = new int[2 * max + 2];
        var trace = new List<int[]>();
        int off = max + 1;
        for (int d = 0; d <= max; d++)
        {
            trace.Add((int[])v.Clone());
            for (int k = -d; k <= d; k += 2)
            {
                int x = k == -d || (k != d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[x] == b[y]) { x++; y++; }
                v[off + k] = x;
                if (x >= n && y >= m) return Backtrack(trace, a, b, off, d, k);
            }
        }
        return new List<Op>();
    }

    private static List<Op> Backtrack(List<int[]> trace, List<string> a, List<string> b, int off, int dEnd, int kEnd)
    {
        var ops = new List<Op>();
        int x = a.Count, y = b.Count;
        for (int d = dEnd; d > 0; d--)
        {
            var v = trace[d];
            int k = x - y;
            int prevK = k == -d || (k != d && v[off + k - 1] < v[off + k + 1]) ? k + 1 : k - 1;
            int prevX = v[off + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) { x--; y--; ops.Add(new Op(' ', x, y)); }
            if (x == prevX) { y--; ops.Add(new Op('+', x, y)); }
            else { x--; ops.Add(new Op('-', x, y)); }
        }
        while (x > 0 && y > 0) { x--; y--; ops.Add(new Op(' ', x, y)); }
        ops.Reverse();
        return ops;
    }
}
