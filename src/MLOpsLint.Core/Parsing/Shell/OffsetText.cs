using System.Text;

namespace MLOpsLint.Core.Parsing.Shell;

/// <summary>
/// A piece of text assembled from a document (a Dockerfile instruction with its continuations removed, a
/// heredoc body, a YAML block, a notebook line) together with the document offset of every character, so
/// that words found in it map back to exact lines and columns.
/// <para>
/// The mapping is held as runs: a run is a stretch of characters that lie side by side in the document (one physical
/// line of a continued instruction), stored as where it starts in the text and in the document. A slice of a document
/// is one run, a Dockerfile instruction one run per physical line, so the map costs a few bytes per line rather than
/// four per character (a 100,000-line instruction held 1.5 million offsets, twice: its arguments and its body).
/// </para>
/// </summary>
public sealed class OffsetText
{
    /// <summary>Text index where each run starts, ascending; the first is 0 when there is any text.</summary>
    private readonly int[] runText;

    /// <summary>Document offset of each run's first character.</summary>
    private readonly int[] runDoc;

    private readonly int runs;

    /// <summary>The offset <see cref="DocOffset"/> gives for <c>index &gt;= Length</c>: just after the last character.</summary>
    private readonly int end;

    private OffsetText(string text, int[] runText, int[] runDoc, int runs, int end)
    {
        Text = text;
        this.runText = runText;
        this.runDoc = runDoc;
        this.runs = runs;
        this.end = end;
    }

    public string Text { get; }

    public int Length => Text.Length;

    /// <summary>Document offset of character <paramref name="index"/>; <c>index == Length</c> gives the offset
    /// just after the last character.</summary>
    public int DocOffset(int index)
    {
        if (index < 0) index = 0;
        if (index >= Text.Length) return end;
        int run = RunOf(index);
        return runDoc[run] + (index - runText[run]);
    }

    /// <summary>The run that holds text index <paramref name="index"/> (0 &lt;= index &lt; Length).</summary>
    private int RunOf(int index)
    {
        int lo = 0, hi = runs - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (runText[mid] <= index) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>Text that is a contiguous slice of the document starting at <paramref name="start"/>.</summary>
    public static OffsetText Contiguous(string text, int start) =>
        text.Length == 0
            ? new OffsetText(text, Array.Empty<int>(), Array.Empty<int>(), 0, start)
            : new OffsetText(text, new[] { 0 }, new[] { start }, 1, start + text.Length);

    /// <summary>A substring, keeping the mapping.</summary>
    public OffsetText Slice(int start, int length)
    {
        // the whole text: this one (it never changes), not a copy of a string that may be megabytes long
        if (start == 0 && length == Text.Length) return this;
        int sliceEnd = length == 0 ? DocOffset(start) : DocOffset(start + length - 1) + 1;
        if (length <= 0) return new OffsetText(Text.Substring(start, length), Array.Empty<int>(), Array.Empty<int>(), 0, sliceEnd);
        int first = RunOf(start), last = RunOf(start + length - 1);
        int count = last - first + 1;
        var texts = new int[count];
        var docs = new int[count];
        texts[0] = 0;
        docs[0] = runDoc[first] + (start - runText[first]);
        for (int r = 1; r < count; r++)
        {
            texts[r] = runText[first + r] - start;
            docs[r] = runDoc[first + r];
        }
        return new OffsetText(Text.Substring(start, length), texts, docs, count, sliceEnd);
    }

    public override string ToString() => Text;

    /// <summary>Builds an <see cref="OffsetText"/> piece by piece.</summary>
    public sealed class Builder
    {
        private readonly StringBuilder sb = new();
        private readonly List<int> runText = new();
        private readonly List<int> runDoc = new();
        private int lastEnd;

        public int Length => sb.Length;

        public Builder Append(char c, int docOffset)
        {
            Run(docOffset);
            sb.Append(c);
            lastEnd = docOffset + 1;
            return this;
        }

        /// <summary>Appends <paramref name="text"/>[start, end) which sits at document offset <paramref name="docStart"/>.</summary>
        public Builder Append(string text, int start, int end, int docStart)
        {
            if (end <= start) return this;
            Run(docStart);
            sb.Append(text, start, end - start);
            lastEnd = docStart + (end - start);
            return this;
        }

        /// <summary>Starts a run at the next character unless it follows the previous one in the document too.</summary>
        private void Run(int docOffset)
        {
            if (runText.Count > 0 && docOffset == lastEnd) return;
            runText.Add(sb.Length);
            runDoc.Add(docOffset);
        }

        public OffsetText Build() => new(sb.ToString(), runText.ToArray(), runDoc.ToArray(), runText.Count, lastEnd);
    }
}
