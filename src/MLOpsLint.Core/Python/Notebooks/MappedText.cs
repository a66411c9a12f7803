using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Text;

namespace MLOpsLint.Core.Python.Notebooks;

/// <summary>
/// Text decoded from one or more JSON strings of a notebook, with the offset in the .ipynb text of every
/// character (where its escape starts, for <c>\n</c>, <c>\"</c>, <c>\u00e9</c>), so any range maps back to the file.
/// </summary>
public sealed class MappedText
{
    private readonly OffsetRuns offsets; // Value.Length + 1 entries
    private readonly LineIndex fileLines;

    internal MappedText(string value, OffsetRuns offsets, LineIndex fileLines)
    {
        Value = value;
        this.offsets = offsets;
        this.fileLines = fileLines;
    }

    public string Value { get; }

    /// <summary>Offset in the .ipynb text of the character at <paramref name="index"/> of <see cref="Value"/>
    /// (index == Length gives the offset just after the last one).</summary>
    public int FileOffset(int index) => offsets[index < 0 ? 0 : index > Value.Length ? Value.Length : index];

    /// <summary>The .ipynb span of <c>Value[start..end)</c>.</summary>
    public SourceSpan SpanOf(int start, int end)
    {
        int s = FileOffset(start);
        if (end <= start) return fileLines.GetSpan(s, s);
        int last = FileOffset(end - 1);
        string file = fileLines.Text;
        int width = last + 1 < file.Length && file[last] == '\\' ? (file[last + 1] == 'u' ? 6 : 2) : 1;
        return fileLines.GetSpan(s, Math.Min(file.Length, last + width));
    }

    internal sealed class Builder
    {
        private readonly System.Text.StringBuilder sb = new();
        private readonly OffsetRuns offsets = new();
        private readonly byte[] utf8;
        private readonly string? text;
        private int lastEnd;

        /// <param name="utf8">The notebook's text encoded as UTF-8 (what the JSON tree's byte offsets point into).</param>
        /// <param name="text">That text (plain runs of characters are copied from it), when at hand.</param>
        public Builder(byte[] utf8, string? text = null)
        {
            this.utf8 = utf8;
            this.text = text;
        }

        public int Length => sb.Length;

        public void Append(JsonTree str)
        {
            str.Decode(utf8, sb, offsets, text);
            lastEnd = str.TextEnd(utf8);
        }

        /// <summary>Appends text that is not in the file (a separator); it maps to the end of the previous piece.</summary>
        public void AppendSynthetic(string s)
        {
            foreach (char c in s)
            {
                sb.Append(c);
                offsets.Add(lastEnd);
            }
        }

        public MappedText Build(LineIndex fileLines)
        {
            offsets.Add(lastEnd);
            return new MappedText(sb.ToString(), offsets, fileLines);
        }
    }
}

/// <summary>
/// The file offsets of a sequence of characters, kept as runs of consecutive offsets: within one JSON string most
/// characters follow the previous one in the file, and a run breaks only at an escape (<c>\n</c> at the end of every
/// source line) or between strings. A notebook's text then costs a few integers per line, not one per character.
/// </summary>
internal sealed class OffsetRuns
{
    private readonly List<int> starts = new();  // index of the first character of each run
    private readonly List<int> offsets = new(); // its file offset
    private int next = -1;                      // the offset that would continue the last run

    public int Count { get; private set; }

    /// <summary>What <paramref name="length"/> calls of <see cref="Add"/> with <paramref name="offset"/>, <paramref name="offset"/> + 1… do.</summary>
    public void AddRun(int offset, int length)
    {
        if (length <= 0) return;
        Add(offset);
        next = offset + length;
        Count += length - 1;
    }

    public void Add(int offset)
    {
        if (offset != next || starts.Count == 0)
        {
            starts.Add(Count);
            offsets.Add(offset);
        }
        next = offset + 1;
        Count++;
    }

    /// <summary>The offset of the character at <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>).</summary>
    public int this[int index]
    {
        get
        {
            int lo = 0, hi = starts.Count - 1;
            while (lo < hi)
            {
                int mid = (lo + hi + 1) / 2;
                if (starts[mid] <= index) lo = mid;
                else hi = mid - 1;
            }
            return offsets[lo] + (index - starts[lo]);
        }
    }
}
