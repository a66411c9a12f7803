namespace MLOpsLint.Core.Secrets;

/// <summary>
/// The checksum of GitHub's and npm's token formats: CRC32 (IEEE 802.3, as zlib's <c>crc32</c>) of the random part,
/// written as 6 base62 digits (0-9, A-Z, a-z), left-padded with zeros.
/// See https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/ and
/// https://github.blog/2021-09-23-announcing-npms-new-access-token-format/.
/// </summary>
public static class Checksums
{
    public const string Base62Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static readonly uint[] Table = BuildTable();

    private static uint[] BuildTable()
    {
        var t = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint c = i;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }

    /// <summary>CRC32 of the characters (all ASCII in the token formats) of <c>text[start..start+length)</c>.</summary>
    public static uint Crc32(string text, int start, int length)
    {
        uint crc = 0xFFFFFFFFu;
        for (int i = start; i < start + length; i++)
        {
            crc = Table[(crc ^ (byte)text[i]) & 0xFF] ^ (crc >> 8);
        }
        return ~crc;
    }

    public static uint Crc32(string text) => Crc32(text, 0, text.Length);

    /// <summary><paramref name="value"/> in base62, left-padded with '0' to <paramref name="width"/> digits.</summary>
    public static string Base62(uint value, int width = 6)
    {
        var chars = new char[Math.Max(width, 6)];
        int i = chars.Length;
        ulong v = value;
        do
        {
            chars[--i] = Base62Alphabet[(int)(v % 62)];
            v /= 62;
        }
        while (v > 0 && i > 0);
        while (i > chars.Length - width) chars[--i] = '0';
        return new string(chars, i, chars.Length - i);
    }

    /// <summary>True when the last 6 characters of <c>text[start..start+length)</c> are the base62 CRC32 of the ones before.</summary>
    public static bool HasValidBase62Crc(string text, int start, int length)
    {
        if (length <= 6) return false;
        uint crc = Crc32(text, start, length - 6);
        ulong decoded = 0;
        for (int i = start + length - 6; i < start + length; i++)
        {
            int d = Base62Alphabet.IndexOf(text[i]);
            if (d < 0) return false;
            decoded = decoded * 62 + (ulong)d;
        }
        return decoded == crc;
    }
}
