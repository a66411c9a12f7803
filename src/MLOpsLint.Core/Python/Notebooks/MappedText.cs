using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Text;

namespace MLOpsLint.Core.Python.Notebooks;

/// <summary>
/// Text decoded from one or more JSON strings of a notebook, with the offset in the .ipynb text of every
/// character (where its escape starts, for <c>\n</c>, <c>\"</c>, <c>\u00e9</c>), so any range maps back to the file.
/// </summary>
public sealed class MappedText
{
    private readonly int[] offsets; // Value.Length + 1 entries
    private readonly LineIndex fileLines;

    internal MappedText(string value, int[] offsets, LineIndex fileLines)
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
        private readonly List<int> offsets = new();
        private readonly byte[] utf8;
        private int lastEnd;

        public Builder(byte[] utf8) => this.utf8 = utf8;

        public int Length => sb.Length;

        public void Append(JsonTree str)
        {
            str.Decode(utf8, sb, offsets);
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
            return new MappedText(sb.ToString(), offsets.ToArray(), fileLines);
        }
    }
}
