namespace MLOpsLint.Core.Documents;

/// <summary>
/// A document's parsed forms by type (<see cref="SourceDocument.GetOrAdd{T}"/>), in one array of type and form pairs
/// searched in order: a document holds a handful of forms, and a repository of 50,000 files held a
/// <c>Dictionary&lt;Type, object&gt;</c> each (its entries, buckets and the dictionary itself, ~320 bytes, 15 MB live
/// on the hostile corpus), where this is one array of 24 + 16 bytes per form. Not thread-safe: the document locks.
/// </summary>
internal static class FormTable
{
    /// <summary>The form of type <paramref name="type"/> in <paramref name="table"/>, if there is one.</summary>
    public static bool TryGet(object[]? table, Type type, out object form)
    {
        if (table != null)
        {
            for (int i = 0; i < table.Length && table[i] != null; i += 2)
            {
                if (ReferenceEquals(table[i], type))
                {
                    form = table[i + 1];
                    return true;
                }
            }
        }
        form = null!;
        return false;
    }

    /// <summary>Adds <paramref name="form"/> as the form of <paramref name="type"/> (which the table does not hold),
    /// growing the array by two pairs when it is full.</summary>
    public static void Add(ref object[]? table, Type type, object form)
    {
        int used = 0;
        if (table != null)
        {
            while (used < table.Length && table[used] != null) used += 2;
        }
        if (table == null || used == table.Length)
        {
            var larger = new object[used + 4];
            table?.AsSpan(0, used).CopyTo(larger);
            table = larger;
        }
        table[used] = type;
        table[used + 1] = form;
    }

    /// <summary>The forms <paramref name="table"/> holds.</summary>
    public static IEnumerable<object> Forms(object[]? table)
    {
        if (table == null) yield break;
        for (int i = 0; i < table.Length && table[i] != null; i += 2) yield return table[i + 1];
    }
}
