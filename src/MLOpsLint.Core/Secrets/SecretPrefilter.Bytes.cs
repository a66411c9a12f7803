using System.Text;

namespace MLOpsLint.Core.Secrets;

/// <summary>
/// The byte-level prefilter: run on a document's raw UTF-8 bytes before anything decodes them, so a document that
/// cannot hold a secret costs one pass over its bytes and no string at all (a history scan reads ~100 MB of blobs,
/// nearly all of them without a secret). Every secret any reader finds starts from a literal in the text: a token
/// detector's keyword (<see cref="TokenScanner"/>) or a credential name, and every credential name contains one of
/// <see cref="SecretNames.Fragments"/>. No such literal in the bytes, no secret in the document.
/// </summary>
public static partial class SecretPrefilter
{
    /// <summary>
    /// Each <see cref="TokenScanner"/> keyword → what the byte prefilter looks for instead: the keyword itself (in one
    /// case for the folded ones), or nothing where a name fragment already covers it (<c>AccountKey=</c>,
    /// <c>assword=</c>). A test keeps this table and the scanner's detectors in step.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string[]> KeywordLiterals = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["ghp_"] = new[] { "ghp_" }, ["gho_"] = new[] { "gho_" }, ["ghu_"] = new[] { "ghu_" }, ["ghs_"] = new[] { "ghs_" }, ["ghr_"] = new[] { "ghr_" },
        ["github_pat_"] = new[] { "github_pat_" },
        ["AKIA"] = new[] { "AKIA" }, ["ASIA"] = new[] { "ASIA" }, ["ABIA"] = new[] { "ABIA" },
        ["ACCA"] = new[] { "ACCA" },
        ["AccountKey="] = Array.Empty<string>(), ["SharedAccessKey="] = Array.Empty<string>(), // "key"
        ["sig="] = new[] { "sig=" },
        ["sk-"] = new[] { "sk-" },
        ["hf_"] = new[] { "hf_" },
        ["api_org_"] = new[] { "api_org_" },
        ["dapi"] = new[] { "dapi" },
        ["xox"] = new[] { "xox" },
        ["hooks.slack.com/services/"] = new[] { "hooks.slack.com/services/" },
        ["sk_live_"] = new[] { "sk_live_" }, ["rk_live_"] = new[] { "rk_live_" },
        ["npm_"] = new[] { "npm_" },
        ["pypi-AgE"] = new[] { "pypi-AgE" },
        ["eyJ"] = new[] { "eyJ" },
        ["-----BEGIN "] = new[] { "-----BEGIN " },
        ["Bearer "] = Array.Empty<string>(), ["bearer "] = Array.Empty<string>(), // "bearer"
        [UrlKeyword] = new[] { UrlKeyword }, // only with an '@' in the authority (see UrlMayHoldCredentials)
        ["assword="] = Array.Empty<string>(), // "pass"
        ["ASSWORD="] = Array.Empty<string>(), // "pass"
        ["wd="] = Array.Empty<string>(), // "pwd" (the dispatcher requires the p)
        ["WD="] = Array.Empty<string>(), // "pwd"
        ["xapp-"] = new[] { "xapp-" },
        ["0Q~"] = new[] { "0Q~" }, ["1Q~"] = new[] { "1Q~" }, ["2Q~"] = new[] { "2Q~" }, ["3Q~"] = new[] { "3Q~" }, ["4Q~"] = new[] { "4Q~" },
        ["5Q~"] = new[] { "5Q~" }, ["6Q~"] = new[] { "6Q~" }, ["7Q~"] = new[] { "7Q~" }, ["8Q~"] = new[] { "8Q~" }, ["9Q~"] = new[] { "9Q~" },
        ["JQQJ9"] = new[] { "JQQJ9" },
        [".atlasv1."] = new[] { ".atlasv1." },
        [":AA"] = new[] { ":AA" },
        ["Authorization"] = new[] { "authorization" }, ["authorization"] = new[] { "authorization" },
        ["AUTHORIZATION"] = new[] { "authorization" }, ["aUTHORIZATION"] = new[] { "authorization" },
        [" -u"] = new[] { " -u" },
        ["--user"] = new[] { "--user" },
        ["AIza"] = new[] { "AIza" },
        ["GOCSPX-"] = new[] { "GOCSPX-" },
        ["ABSK"] = new[] { "ABSK" },
        ["bedrock-api-key-"] = new[] { "bedrock-api-key-" },
        ["pplx-"] = new[] { "pplx-" },
        ["r8_"] = new[] { "r8_" },
        ["gsk_"] = new[] { "gsk_" },
        ["tgp_v1_"] = new[] { "tgp_v1_" },
        ["sk-or-v1-"] = new[] { "sk-or-v1-" },
        ["lsv2_pt_"] = new[] { "lsv2_pt_" },
        ["lsv2_sk_"] = new[] { "lsv2_sk_" },
        ["sk-lf-"] = new[] { "sk-lf-" },
        ["pcsk_"] = new[] { "pcsk_" },
        ["dckr_pat_"] = new[] { "dckr_pat_" },
        ["dckr_oat_"] = new[] { "dckr_oat_" },
        ["AKCp"] = new[] { "AKCp" },
        ["cmVmdGtu"] = new[] { "cmVmdGtu" },
        ["hvs."] = new[] { "hvs." },
        ["hvb."] = new[] { "hvb." },
        ["glsa_"] = new[] { "glsa_" },
        ["glc_"] = new[] { "glc_" },
        ["eyJrIjoi"] = new[] { "eyJrIjoi" },
        ["sntryu_"] = new[] { "sntryu_" },
        ["sntrys_"] = new[] { "sntrys_" },
        ["eyJhcGlfYWRkcmVzcyI6"] = new[] { "eyJhcGlfYWRkcmVzcyI6" },
        ["SG."] = new[] { "SG." },
        ["glpat-"] = new[] { "glpat-" },
        ["gldt-"] = new[] { "gldt-" },
        ["glrt-"] = new[] { "glrt-" },
        ["glptt-"] = new[] { "glptt-" },
        ["gloas-"] = new[] { "gloas-" },
        ["glagent-"] = new[] { "glagent-" },
        ["glsoat-"] = new[] { "glsoat-" },
        ["glimt-"] = new[] { "glimt-" },
        ["-Key:"] = Array.Empty<string>(), // "key"
        ["-key:"] = Array.Empty<string>(), // "key"
        ["-KEY:"] = Array.Empty<string>(), // "key"
        ["-Token:"] = Array.Empty<string>(), // "token"
        ["-token:"] = Array.Empty<string>(), // "token"
        ["-TOKEN:"] = Array.Empty<string>(), // "token"
        // provider names that anchor a key without a prefix of its own: Cohere's (cohere.Client("…") names no credential);
        // the others need a credential word in the name as well (TokenScanner.KeywordsNeedingCredentialWord), so the name
        // fragments find them and their names (common words: comet, discord, pinecone) are not searched
        ["cohere"] = new[] { "cohere" }, ["Cohere"] = new[] { "cohere" }, ["COHERE"] = new[] { "cohere" }, ["CO_API_KEY"] = Array.Empty<string>(), // "key"
        ["mistral"] = Array.Empty<string>(), ["Mistral"] = Array.Empty<string>(), ["MISTRAL"] = Array.Empty<string>(),
        ["deepseek"] = Array.Empty<string>(), ["DeepSeek"] = Array.Empty<string>(), ["Deepseek"] = Array.Empty<string>(), ["DEEPSEEK"] = Array.Empty<string>(),
        ["fireworks"] = Array.Empty<string>(), ["Fireworks"] = Array.Empty<string>(), ["FIREWORKS"] = Array.Empty<string>(),
        ["comet"] = Array.Empty<string>(), ["Comet"] = Array.Empty<string>(), ["COMET"] = Array.Empty<string>(),
        ["roboflow"] = Array.Empty<string>(), ["Roboflow"] = Array.Empty<string>(), ["ROBOFLOW"] = Array.Empty<string>(),
        ["elevenlabs"] = Array.Empty<string>(), ["ElevenLabs"] = Array.Empty<string>(), ["Elevenlabs"] = Array.Empty<string>(), ["ELEVENLABS"] = Array.Empty<string>(),
        ["ELEVEN_API_KEY"] = Array.Empty<string>(), ["xi-api-key"] = Array.Empty<string>(), ["xi_api_key"] = Array.Empty<string>(), // "key"
        ["twilio"] = Array.Empty<string>(), ["Twilio"] = Array.Empty<string>(), ["TWILIO"] = Array.Empty<string>(),
        ["pinecone"] = Array.Empty<string>(), ["Pinecone"] = Array.Empty<string>(), ["PINECONE"] = Array.Empty<string>(),
        ["azure"] = Array.Empty<string>(), ["Azure"] = Array.Empty<string>(), ["AZURE"] = Array.Empty<string>(),
        ["discord"] = Array.Empty<string>(), ["Discord"] = Array.Empty<string>(), ["DISCORD"] = Array.Empty<string>(),
    };

    /// <summary>Literals of <see cref="KeywordLiterals"/> matched in any case (the scanner's keywords for them come in
    /// several spellings); every other token literal must match in its exact case.</summary>
    internal static readonly HashSet<string> FoldedLiterals = new(StringComparer.Ordinal)
    {
        "authorization", "cohere",
    };

    /// <summary>UTF-8 of the characters outside ASCII whose invariant lower case is an ASCII letter (KELVIN SIGN → k,
    /// LATIN CAPITAL LETTER I WITH DOT ABOVE → i): a name written with one still lower-cases to a secret word.</summary>
    internal static readonly string[] FoldsToAscii = { "\u212A", "\u0130" };

    private const string UrlKeyword = "://";

    /// <summary>Name fragments (any case), then the token literals (exact case, checked after the folded match).</summary>
    private static readonly string[] Searched = SecretNames.Fragments
        .Concat(KeywordLiterals.Values.SelectMany(v => v).Distinct(StringComparer.Ordinal))
        .ToArray();

    private static readonly byte[][] SearchedBytes = Searched.Select(s => Encoding.ASCII.GetBytes(s)).ToArray();

    private static readonly byte[][] FoldedBytes = SearchedBytes.Select(bytes => bytes.Select(b => (byte)(b | 0x20)).ToArray()).ToArray();

    private static readonly LiteralFinder Finder = NewFinder();

    private static LiteralFinder NewFinder()
    {
        var (anchors, buckets) = LiteralPlan.For(FoldedBytes, ignoreCase: true);
        return new LiteralFinder(FoldedBytes, buckets, ignoreCase: true, anchors);
    }

    private static readonly byte[][] NonAsciiFolds = FoldsToAscii.Select(c => Encoding.UTF8.GetBytes(c)).ToArray();

    /// <summary>
    /// False when the UTF-8 <paramref name="utf8"/> can hold no secret: then no reader finds one, and the document need
    /// not even be decoded. True means "read it" (UTF-16 text, which only the decoder reads, always is).
    /// </summary>
    public static bool MayHoldSecret(ReadOnlySpan<byte> utf8)
    {
        if (Text.TextDecoder.StartsWithUtf16Bom(utf8)) return true;
        if (Finder.Any(utf8, Accept)) return true;
        if (!HasNonAscii(utf8)) return false;
        foreach (var fold in NonAsciiFolds)
        {
            if (utf8.IndexOf(fold) >= 0) return true;
        }
        return false;
    }

    private static bool HasNonAscii(ReadOnlySpan<byte> utf8)
    {
#if NET8_0_OR_GREATER
        return utf8.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;
#else
        foreach (byte b in utf8) if (b >= 0x80) return true;
        return false;
#endif
    }

    /// <summary>A folded match of a name fragment stands; a token literal must match in its exact case, and <c>://</c>
    /// must lead to an authority with an <c>@</c>.</summary>
    private static bool Accept(ReadOnlySpan<byte> text, int literal, int at)
    {
        if (literal < SecretNames.Fragments.Length)
        {
            // "auth" names a credential only as a word of its own (auth, user_auth, httpAuth), not in author or authenticate
            return SecretNames.Fragments[literal] != "auth" || at + 4 >= text.Length || !CharSets.IsAsciiLetter((char)text[at + 4]);
        }
        if (FoldedLiterals.Contains(Searched[literal])) return true;
        var expected = SearchedBytes[literal];
        if (!text.Slice(at, expected.Length).SequenceEqual(expected)) return false;
        return Searched[literal] != UrlKeyword || UrlMayHoldCredentials(text, at);
    }

    /// <summary>A <c>scheme://</c> (at <paramref name="at"/>) whose authority holds an <c>@</c>: the only shape in
    /// which the URL detector reports a password (a token in the query string is reported under a credential name,
    /// which the name fragments find). The authority ends where the detector's does, and is read as far (at most 3
    /// UTF-8 bytes a character; a byte outside ASCII, cast to a character, never ends it).</summary>
    private static bool UrlMayHoldCredentials(ReadOnlySpan<byte> utf8, int at)
    {
        int limit = Math.Min(utf8.Length, at + 3 + 3 * TokenScanner.UrlAuthorityLimit);
        for (int i = at + 3; i < limit; i++)
        {
            byte c = utf8[i];
            if (c == '@') return true;
            if (TokenScanner.EndsUrlAuthority((char)c)) return false;
        }
        return false;
    }
}
