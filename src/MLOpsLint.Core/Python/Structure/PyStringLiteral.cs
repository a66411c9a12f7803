namespace MLOpsLint.Core.Python.Structure;

/// <summary>
/// One string literal token (or one whole f-string): prefix, quotes, and the decoded <see cref="Value"/>
/// (escape sequences applied unless raw; for an f-string the literal parts decoded, doubled braces undoubled, and
/// each replacement field kept as written, e.g. <c>"user:{pw}@host"</c>). Implicitly concatenated literals
/// are separate literals.
/// </summary>
public sealed class PyStringLiteral : PyNode
{
    private string? value;
    private IReadOnlyList<PyStringPart>? parts;

    internal PyStringLiteral(PythonModule module, int start, int end) : base(module, start, end)
    {
        var text = module.Text;
        int i = start;
        while (i < end && text[i] != '\'' && text[i] != '"') i++;
        Prefix = i == start ? "" : NameTable.Get(text, start, i);
        QuoteLength = i + 2 < end && text[i + 1] == text[i] && text[i + 2] == text[i] && end - i >= 6 ? 3 : 1;
        foreach (char c in Prefix)
        {
            switch (char.ToLowerInvariant(c))
            {
                case 'b': IsBytes = true; break;
                case 'r': IsRaw = true; break;
                case 'f': IsFString = true; break;
            }
        }
        BodyStart = Math.Min(end, i + QuoteLength);
        BodyEnd = Math.Max(BodyStart, end - QuoteLength);
    }

    /// <summary>The prefix as written ("", "r", "Rb", "f"…).</summary>
    public string Prefix { get; }

    public bool IsBytes { get; }

    public bool IsRaw { get; }

    public bool IsFString { get; }

    public bool IsTripleQuoted => QuoteLength == 3;

    internal int QuoteLength { get; }

    /// <summary>Offset of the first character between the quotes.</summary>
    public int BodyStart { get; }

    public int BodyEnd { get; }

    /// <summary>The decoded value (bytes literals decoded as Latin-1 characters).</summary>
    public string Value => value ??= StringDecoder.DecodeLiteral(this, out parts);

    /// <summary>True when <see cref="Value"/> is <paramref name="s"/> (or, with <paramref name="prefix"/>, starts with it),
    /// without decoding the literal when its body is its value (no escape, carriage return or brace in it).</summary>
    public bool ValueIs(string s, bool prefix = false)
    {
        if (value == null && Module.Text.AsSpan(BodyStart, BodyEnd - BodyStart).IndexOfAny(DecodedChars) < 0)
        {
            var body = Module.Text.AsSpan(BodyStart, BodyEnd - BodyStart);
            return prefix ? body.StartsWith(s.AsSpan(), StringComparison.Ordinal) : body.SequenceEqual(s.AsSpan());
        }
        return prefix ? Value.StartsWith(s, StringComparison.Ordinal) : Value == s;
    }

    /// <summary>The characters <see cref="StringDecoder"/> may change (a body without them decodes to itself).</summary>
    private static readonly char[] DecodedChars = { '\\', '\r', '{', '}' };

    /// <summary>The decoded values of <paramref name="literals"/> joined (implicit concatenation); null for none.</summary>
    internal static string? Concat(IReadOnlyList<PyStringLiteral> literals)
    {
        if (literals.Count == 0) return null;
        if (literals.Count == 1) return literals[0].Value;
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < literals.Count; i++) sb.Append(literals[i].Value);
        return sb.ToString();
    }

    /// <summary>The literal (non-field) parts with their offsets; one part for a plain string.</summary>
    public IReadOnlyList<PyStringPart> Parts
    {
        get
        {
            string v = Value;
            // a plain string is one part, made when asked for (f-strings make theirs while decoding)
            return parts ??= new[] { new PyStringPart(BodyStart, BodyEnd, v) };
        }
    }
}

/// <summary>A literal stretch of a string: its source offsets in <see cref="PythonModule.Text"/> and decoded value.</summary>
public readonly record struct PyStringPart(int Start, int End, string Value);
