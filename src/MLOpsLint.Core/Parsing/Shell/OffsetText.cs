using System.Text;

namespace MLOpsLint.Core.Parsing.Shell;

/// <summary>
/// A piece of text assembled from a document (a Dockerfile instruction with its continuations removed, a
/// heredoc body, a YAML block, a notebook line) together with the document offset of every character, so
/// that words found in it map back to exact lines and columns.
/// </summary>
public sealed class OffsetText
{
    private readonly int[] offsets;

    private OffsetText(string text, int[] offsets)
    {
        Text = text;
        this.offsets = offsets;
    }

    public string Text { get; }

    public int Length => Text.Length;

    /// <summary>Document offset of character <paramref name="index"/>; <c>index == Length</c> gives the offset
    /// just after the last character.</summary>
    public int DocOffset(int index)
    {
        if (offsets.Length == 0) return 0;
        if (index < 0) return offsets[0];
        return index >= offsets.Length ? offsets[offsets.Length - 1] : offsets[index];
    }

    /// <summary>Text that is a contiguous slice of the document starting at <paramref name="start"/>.</summary>
    public static OffsetText Contiguous(string text, int start)
    {
        var map = new int[text.Length + 1];
        for (int i = 0; i <= text.Length; i++) map[i] = start + i;
        return new OffsetText(text, map);
    }

    /// <summary>A substring, keeping the mapping.</summary>
    public OffsetText Slice(int start, int length)
    {
        var map = new int[length + 1];
        for (int i = 0; i < length; i++) map[i] = DocOffset(start + i);
        map[length] = length == 0 ? DocOffset(start) : DocOffset(start + length - 1) + 1;
        return new OffsetText(Text.Substring(start, length), map);
    }

    public override string ToString() => Text;

    /// <summary>Builds an <see cref="OffsetText"/> character by character.</summary>
    public sealed class Builder
    {
        private readonly StringBuilder sb = new();
        private readonly List<int> map = new();
        private int lastEnd;

        public int Length => sb.Length;

        public Builder Append(char c, int docOffset)
        {
            sb.Append(c);
            map.Add(docOffset);
            lastEnd = docOffset + 1;
            return this;
        }

        /// <summary>Appends <paramref name="text"/>[start, end) which sits at document offset <paramref name="docStart"/>.</summary>
        public Builder Append(string text, int start, int end, int docStart)
        {
            for (int i = start; i < end; i++) Append(text[i], docStart + (i - start));
            return this;
        }

        public OffsetText Build()
        {
            var arr = new int[map.Count + 1];
            map.CopyTo(arr);
            arr[map.Count] = lastEnd;
            return new OffsetText(sb.ToString(), arr);
        }
    }
}
