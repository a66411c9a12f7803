using System.Text;

namespace MLOpsLint.Core.Text;

public enum TextEncodingKind
{
    Utf8,
    Utf8Bom,
    Utf16LE,
    Utf16BE,
    /// <summary>Not valid UTF-8: decoded with U+FFFD in place of the bad bytes.</summary>
    Utf8WithErrors,
}

/// <summary>Decodes file bytes the way our users' tools write them: UTF-8 with or without BOM, and UTF-16
/// with BOM (what <c>pip freeze &gt; requirements.txt</c> writes in Windows PowerShell).</summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static string Decode(ReadOnlySpan<byte> bytes, out TextEncodingKind kind)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            kind = TextEncodingKind.Utf8Bom;
            return LenientUtf8.GetString(bytes.Slice(3).ToArray());
        }
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            kind = TextEncodingKind.Utf16LE;
            return Encoding.Unicode.GetString(bytes.Slice(2).ToArray());
        }
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            kind = TextEncodingKind.Utf16BE;
            return Encoding.BigEndianUnicode.GetString(bytes.Slice(2).ToArray());
        }
#if NET8_0_OR_GREATER
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            kind = TextEncodingKind.Utf8;
            return Encoding.UTF8.GetString(bytes);
        }
        kind = TextEncodingKind.Utf8WithErrors;
        return LenientUtf8.GetString(bytes);
#else
        var array = bytes.ToArray();
        try
        {
            kind = TextEncodingKind.Utf8;
            return StrictUtf8.GetString(array);
        }
        catch (DecoderFallbackException)
        {
            kind = TextEncodingKind.Utf8WithErrors;
            return LenientUtf8.GetString(array);
        }
#endif
    }

    /// <summary>True when the bytes start with a UTF-16 byte order mark (little- or big-endian): <see cref="Decode"/> reads
    /// them as UTF-16; any other file is read as UTF-8, whose ASCII bytes are always the text's ASCII characters.</summary>
    public static bool StartsWithUtf16Bom(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));

    /// <summary>True when the bytes look binary: a NUL byte in the first 8000 bytes (git's own test),
    /// unless the file starts with a UTF-16 byte order mark.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (StartsWithUtf16Bom(bytes))
        {
            return false;
        }
        var head = bytes.Length > 8000 ? bytes.Slice(0, 8000) : bytes;
        return head.IndexOf((byte)0) >= 0;
    }
}
