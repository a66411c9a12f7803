using MLOpsLint.Core.Python.Structure;

namespace MLOpsLint.Core.Checks.Tracking;

/// <summary>
/// A string literal's value read without decoding it when its body is its value: the MLO7xx readers look at every
/// literal of every module (does it name a measurement, a git command, a lineage key?) and decoding each made a string
/// of each.
/// </summary>
internal static class LiteralText
{
    /// <summary>The characters <see cref="StringDecoder"/> may change: a body without them decodes to itself. An escape
    /// or a line ending changes a string; a raw string keeps its escapes; an f-string undoubles its braces.</summary>
    private static readonly char[] FStringDecoded = { '\\', '\r', '{', '}' };
    private static readonly char[] Decoded = { '\\', '\r' };

    /// <summary><see cref="PyStringLiteral.Value"/>, as the literal's body in the module's text when that is its value.</summary>
    public static ReadOnlySpan<char> ValueOf(PyStringLiteral s)
    {
        var body = s.Module.Text.AsSpan(s.BodyStart, s.BodyEnd - s.BodyStart);
        bool decodes = s.IsFString ? body.IndexOfAny(FStringDecoded) >= 0 : s.IsRaw ? body.IndexOf('\r') >= 0 : body.IndexOfAny(Decoded) >= 0;
        return decodes ? s.Value.AsSpan() : body;
    }
}
