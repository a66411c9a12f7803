using MLOpsLint.Core.Text;

namespace MLOpsLint.Core.Python.Structure;

/// <summary>
/// A set of strings looked up by character span without allocating (open addressing, FNV-1a hash): the
/// interning table of <see cref="NameTable"/> (netstandard2.0 has no span lookup in HashSet).
/// </summary>
internal sealed class SpanStringTable
{
    private string?[] slots;

    public SpanStringTable(int capacity = 256)
    {
        int size = 16;
        while (size < capacity * 2) size *= 2;
        slots = new string?[size];
    }

    public int Count { get; private set; }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    public string GetOrAdd(ReadOnlySpan<char> s)
    {
        int mask = slots.Length - 1;
        int i = Hash(s) & mask;
        for (; ; i = (i + 1) & mask)
        {
            var slot = slots[i];
            if (slot == null) break;
            if (slot.Length == s.Length && slot.AsSpan().SequenceEqual(s)) return slot;
        }
        string created = s.ToString();
        if ((Count + 1) * 2 > slots.Length)
        {
            Grow();
            mask = slots.Length - 1;
            i = Hash(s) & mask;
            while (slots[i] != null) i = (i + 1) & mask;
        }
        slots[i] = created;
        Count++;
        return created;
    }

    public void Clear()
    {
        Array.Clear(slots, 0, slots.Length);
        Count = 0;
    }

    private void Grow()
    {
        var old = slots;
        slots = new string?[old.Length * 2];
        int mask = slots.Length - 1;
        foreach (var s in old)
        {
            if (s == null) continue;
            int i = Hash(s.AsSpan()) & mask;
            while (slots[i] != null) i = (i + 1) & mask;
            slots[i] = s;
        }
    }

    private static int Hash(ReadOnlySpan<char> s)
    {
        uint h = 2166136261;
        foreach (char c in s) h = (h ^ c) * 16777619;
        return (int)(h ^ (h >> 15));
    }
}

/// <summary>
/// Per-thread intern table for identifiers and other short token texts: the same name read from source spans
/// gives the same string instance, allocated once per thread (not once per occurrence). Lookups compare the span
/// against the table without allocating. The table is cleared when it grows past <see cref="MaxEntries"/>.
/// </summary>
internal static class NameTable
{
    private const int MaxEntries = 1 << 15;

    /// <summary>Longer texts are not interned (they are rarely repeated).</summary>
    private const int MaxLength = 64;

    [ThreadStatic]
    private static SpanStringTable? table;

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    public static string Get(ReadOnlySpan<char> s)
    {
        if (s.Length == 0) return "";
        if (s.Length > MaxLength) return s.ToString();
        var t = table ??= new SpanStringTable(1024);
        if (t.Count >= MaxEntries) t.Clear();
        return t.GetOrAdd(s);
    }

    public static string Get(string text, int start, int end) => Get(text.AsSpan(start, end - start));

    /// <summary><paramref name="head"/> followed by <paramref name="tail"/>, from the table when short enough to intern (no
    /// string made when the table has it).</summary>
    public static string Concat(string head, ReadOnlySpan<char> tail)
    {
        if (tail.Length == 0) return head;
        int length = head.Length + tail.Length;
        if (length > MaxLength) return head + tail.ToString();
        Span<char> joined = stackalloc char[MaxLength];
        head.AsSpan().CopyTo(joined);
        tail.CopyTo(joined.Slice(head.Length));
        return Get(joined.Slice(0, length));
    }

    /// <summary>The table's instance of <paramref name="s"/>, or <paramref name="s"/> itself when it is too long to intern.</summary>
    public static string Get(string s) => s.Length > MaxLength ? s : Get(s.AsSpan());
}
