namespace MLOpsLint.Core.Checks.Tracking;

/// <summary>
/// A fixed set of lower-case words looked up by a span of source text without making a string of it: the words of a
/// call name, a printed string or a dict key the MLO7xx tables compare (<see cref="TrackingApis"/>,
/// <see cref="LineageLiterals"/>) are read for every call and literal of every module.
/// </summary>
internal sealed class WordSet
{
    private readonly HashSet<string> words;

    public WordSet(IEnumerable<string> words, StringComparer? comparer = null)
    {
        this.words = new HashSet<string>(words, comparer ?? StringComparer.Ordinal);
        foreach (var w in this.words) MaxLength = Math.Max(MaxLength, w.Length);
    }

    /// <summary>The longest word: a longer span is in no set.</summary>
    public int MaxLength { get; }

    public bool Contains(string word) => words.Contains(word);

#if NET9_0_OR_GREATER
    public bool Contains(ReadOnlySpan<char> word) => word.Length <= MaxLength && words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
#else
    public bool Contains(ReadOnlySpan<char> word) => word.Length <= MaxLength && words.Contains(word.ToString());
#endif

    /// <summary>Whether the lower-case form of <paramref name="word"/> (<see cref="char.ToLowerInvariant"/> per
    /// character, as <see cref="string.ToLowerInvariant"/> lowers a word of letters) is in the set.</summary>
    public bool ContainsLowered(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxLength) return false;
        Span<char> lower = stackalloc char[word.Length];
        for (int i = 0; i < word.Length; i++) lower[i] = char.ToLowerInvariant(word[i]);
        return Contains(lower);
    }
}
