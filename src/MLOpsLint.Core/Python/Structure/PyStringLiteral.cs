namespace MLOpsLint.Core.Python.Structure;

/// <summary>
/// One string literal token (or one whole f-string): prefix, quotes, and the decoded <see cref="Value"/>
/// (escape sequences applied unless raw; for an f-string the literal parts decoded, doubled braces undoubled, and
/// each replacement field kept as written, e.g. <c>"user:{pw}@host"</c>). Implicitly concatenated literals
/// are separate literals.
/// </summary>
public sealed class PyStringLiteral : PyNode
{
    /// <summary>Null until decoded; then the value (a string), or the value with its parts (<see cref="Decoded"/>: an f-string,
    /// or a string whose <see cref="Parts"/> were read). One field for both: literals are many, and parts are rarely read.</summary>
    private object? decoded;

    private sealed class Decoded
    {
        public Decoded(string value, IReadOnlyList<PyStringPart> parts)
        {
            Value = value;
            Parts = parts;
        }

        public readonly string Value;
        public readonly IReadOnlyList<PyStringPart> Parts;
    }

    private readonly int prefixLength;
    private readonly byte quoteLength;
    private readonly byte flags; // 1 bytes, 2 raw, 4 f-string

    internal PyStringLiteral(PythonModule module, int start, int end) : base(module, start, end)
    {
        var text = module.Text;
        int i = start;
        while (i < end && text[i] != '\'' && text[i] != '"') i++;
        prefixLength = i - start;
        quoteLength = (byte)(i + 2 < end && text[i + 1] == text[i] && text[i + 2] == text[i] && end - i >= 6 ? 3 : 1);
        for (int k = start; k < i; k++)
        {
            switch (char.ToLowerInvariant(text[k]))
            {
                case 'b': flags |= 1; break;
                case 'r': flags |= 2; break;
                case 'f': flags |= 4; break;
            }
        }
    }

    /// <summary>The prefix as written ("", "r", "Rb", "f"…).</summary>
    public string Prefix => prefixLength == 0 ? "" : NameTable.Get(Module.Text, Start, Start + prefixLength);

    public bool IsBytes => (flags & 1) != 0;

    public bool IsRaw => (flags & 2) != 0;

    public bool IsFString => (flags & 4) != 0;

    public bool IsTripleQuoted => QuoteLength == 3;

    internal int QuoteLength => quoteLength;

    /// <summary>Offset of the first character between the quotes.</summary>
    public int BodyStart => Math.Min(End, Start + prefixLength + quoteLength);

    public int BodyEnd => Math.Max(BodyStart, End - quoteLength);

    /// <summary>The decoded value (bytes literals decoded as Latin-1 characters).</summary>
    public string Value
    {
        get
        {
            var d = decoded;
            if (d is string known) return known;
            if (d != null) return ((Decoded)d).Value;
            string value = StringDecoder.DecodeLiteral(this, out var parts);
            decoded = parts == null ? value : new Decoded(value, parts);
            return value;
        }
    }

    /// <summary>True when <see cref="Value"/> is <paramref name="s"/> (or, with <paramref name="prefix"/>, starts with it),
    /// without decoding the literal when its body is its value (no escape, carriage return or brace in it).</summary>
    public bool ValueIs(string s, bool prefix = false)
    {
        if (decoded == null && Module.Text.AsSpan(BodyStart, BodyEnd - BodyStart).IndexOfAny(DecodedChars) < 0)
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
            if (decoded is Decoded withParts) return withParts.Parts;
            // a plain string is one part, made when asked for (f-strings make theirs while decoding)
            var made = new Decoded(v, new[] { new PyStringPart(BodyStart, BodyEnd, v) });
            decoded = made;
            return made.Parts;
        }
    }
}

/// <summary>A literal stretch of a string: its source offsets in <see cref="PythonModule.Text"/> and decoded value.</summary>
public readonly record struct PyStringPart(int Start, int End, string Value);
