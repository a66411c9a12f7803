using System.Text;

namespace MLOpsLint.Core.Secrets;

/// <summary>
/// Finds provider credentials, private keys and passwords in URLs/connection strings in a stretch of text.
/// Every detector starts from a literal keyword (<c>ghp_</c>, <c>AKIA</c>, <c>-----BEGIN </c>, <c>://</c>…) found
/// with an ordinal (vectorised) substring search; only around a keyword hit does the detector read the token,
/// with table lookups and bounded loops — no regex, so no input can make it backtrack. A candidate must then pass
/// its format's structure test: the CRC32 checksum of GitHub and npm tokens, the JSON header of a JWT, the
/// decoded length of an Azure key, the <c>T3BlbkFJ</c> marker of OpenAI keys, entropy and placeholder filters.
/// </summary>
public static partial class TokenScanner
{
    private delegate int Detector(ScanState scan, int at);

    /// <summary>
    /// Keyword → detector. Keywords are case-sensitive and spell the whole prefix where there is one (<c>ghp_</c>…
    /// <c>ghr_</c> rather than <c>gh</c>, <c>AKIA</c>/<c>ASIA</c>/<c>ABIA</c> rather than <c>IA</c>, <c>AccountKey=</c>
    /// rather than <c>Key=</c>): all are searched in one pass, and a short keyword stops that pass at every place it
    /// occurs in ordinary text (<c>gh</c> of "weight", "high", "github"). <c>assword=</c>/<c>wd=</c> stay shared by
    /// their case variants (the dispatcher checks the <c>p</c>/<c>P</c> before them).
    /// </summary>
    private static readonly (string Keyword, Detector Detect)[] Detectors;

    /// <summary>For each ASCII character, the detectors whose keyword starts with it (the one-pass search's dispatch).</summary>
    private static readonly int[][] ByFirstChar;

#if NET8_0_OR_GREATER
    /// <summary>Every keyword at once, in its exact case: one vectorised pass (<see cref="LiteralFinder"/>, Teddy) over the
    /// text narrowed to bytes finds each place some detector starts from.</summary>
    private static readonly LiteralFinder KeywordFinder;

    /// <summary>For each of <see cref="KeywordFinder"/>'s literals, the detectors whose keyword folds to it.</summary>
    private static readonly int[][] DetectorsOfLiteral;
#endif

    static TokenScanner()
    {
        var list = new List<(string Keyword, Detector Detect)>
        {
            ("ghp_", GitHubClassic), ("gho_", GitHubClassic), ("ghu_", GitHubClassic), ("ghs_", GitHubClassic), ("ghr_", GitHubClassic),
            ("github_pat_", GitHubFineGrained),
            ("AKIA", AwsKeyId), ("ASIA", AwsKeyId), ("ABIA", AwsKeyId), ("ACCA", AwsKeyId),
            ("AccountKey=", AzureAccountKey), ("SharedAccessKey=", AzureSharedAccessKey),
            ("sig=", AzureSas),
            ("sk-", OpenAIOrAnthropic),
            ("hf_", HuggingFace), ("api_org_", HuggingFace),
            ("dapi", Databricks),
            ("xox", SlackToken),
            ("xapp-", SlackApp),
            ("hooks.slack.com/services/", SlackWebhook),
            ("sk_live_", Stripe), ("rk_live_", Stripe),
            ("npm_", Npm),
            ("pypi-AgE", PyPI),
            ("eyJ", Jwt),
            ("-----BEGIN ", PrivateKey),
            ("Bearer ", Bearer), ("bearer ", Bearer),
            ("://", UrlCredentials),
            ("assword=", PasswordDispatch), ("ASSWORD=", PasswordDispatch), ("wd=", PasswordDispatch), ("WD=", PasswordDispatch),
            ("0Q~", EntraAfterDigit), ("1Q~", EntraAfterDigit), ("2Q~", EntraAfterDigit), ("3Q~", EntraAfterDigit), ("4Q~", EntraAfterDigit),
            ("5Q~", EntraAfterDigit), ("6Q~", EntraAfterDigit), ("7Q~", EntraAfterDigit), ("8Q~", EntraAfterDigit), ("9Q~", EntraAfterDigit),
            ("JQQJ9", AzureIdentifiableKey),
            (".atlasv1.", TerraformCloud),
            (":AA", Telegram),
            ("Authorization", AuthorizationAt), ("authorization", AuthorizationAt), ("AUTHORIZATION", AuthorizationAt), ("aUTHORIZATION", AuthorizationAt),
            (" -u", (s, at) => CurlUser(s, at, 3)), ("--user", (s, at) => CurlUser(s, at, 6)),
        };
        foreach (var f in PrefixedFormats) list.Add((f.Prefix, (s, at) => Prefixed(s, at, f)));
        // plain loops in this constructor, not LINQ over tuples: generic code over value types is not in the runtime's
        // ReadyToRun images, and every process that prints a line builds this scanner (start-up, bench/README.md)
        var keyedOrder = new List<string>();
        var formatsOf = new Dictionary<string, List<KeyedFormat>>(StringComparer.Ordinal);
        foreach (var f in KeyedFormats)
        {
            foreach (var k in f.Keywords)
            {
                if (!formatsOf.TryGetValue(k, out var formatList))
                {
                    formatsOf[k] = formatList = new List<KeyedFormat>();
                    keyedOrder.Add(k);
                }
                formatList.Add(f);
            }
        }
        foreach (var keyword in keyedOrder)
        {
            var formats = formatsOf[keyword].ToArray();
            list.Add((keyword, (s, at) => Keyed(s, at, keyword, formats)));
        }
        foreach (var (prefix, length) in GitLabPrefixes) list.Add((prefix, (s, at) => GitLab(s, at, length, prefix.Length)));
        foreach (var header in new[] { "-Key:", "-key:", "-KEY:", "-Token:", "-token:", "-TOKEN:" }) list.Add((header, (s, at) => SecretHeader(s, at, header.Length)));
        Detectors = list.ToArray();
        var byChar = new List<int>[128];
        for (int c = 0; c < byChar.Length; c++) byChar[c] = new List<int>();
        for (int i = 0; i < Detectors.Length; i++) byChar[Detectors[i].Keyword[0]].Add(i);
        ByFirstChar = new int[byChar.Length][];
        for (int c = 0; c < byChar.Length; c++) ByFirstChar[c] = byChar[c].ToArray();
#if NET8_0_OR_GREATER
        // exact case: the keywords are case-sensitive, and folding would stop at every "ia" and "gh" of the text; one
        // literal per distinct keyword, in the order of first appearance
        var keywordOrder = new List<string>();
        var detectorsOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < Detectors.Length; i++)
        {
            if (!detectorsOf.TryGetValue(Detectors[i].Keyword, out var indexes))
            {
                detectorsOf[Detectors[i].Keyword] = indexes = new List<int>();
                keywordOrder.Add(Detectors[i].Keyword);
            }
            indexes.Add(i);
        }
        var literals = new byte[keywordOrder.Count][];
        DetectorsOfLiteral = new int[keywordOrder.Count][];
        for (int l = 0; l < literals.Length; l++)
        {
            string keyword = keywordOrder[l];
            literals[l] = new byte[keyword.Length];
            for (int c = 0; c < keyword.Length; c++) literals[l][c] = (byte)keyword[c];
            DetectorsOfLiteral[l] = detectorsOf[keyword].ToArray();
        }
        var (anchors, buckets) = LiteralPlan.For(literals, ignoreCase: false);
        KeywordFinder = new LiteralFinder(literals, buckets, ignoreCase: false, anchors);
#endif
    }

    /// <summary>The keywords <c>0Q~</c>…<c>9Q~</c> (the version digit before it makes the search selective).</summary>
    private static int EntraAfterDigit(ScanState s, int at) => EntraClientSecret(s, at + 1);

    /// <summary>The keyword is the whole word; the detector reads from its second letter.</summary>
    private static int AuthorizationAt(ScanState s, int at) => Authorization(s, at + 1);

    private static int PasswordDispatch(ScanState s, int at)
    {
        int start = at - 1;
        if (start < s.Start || (s.Text[start] != 'p' && s.Text[start] != 'P')) return at + 3;
        return ConnectionStringPassword(s, start);
    }

    /// <summary>The keywords, for a caller that wants to skip a document without any.</summary>
    public static IEnumerable<string> Keywords => Detectors.Select(d => d.Keyword);

    /// <summary>
    /// Scans <c>text[start..end)</c>; matches are offsets into <paramref name="text"/>. Detectors that look around a
    /// hit (the AWS secret key near a key id, a service-account's <c>"type"</c>) may read all of <paramref name="text"/>.
    /// </summary>
    public static void Scan(string text, int start, int end, List<SecretMatch> results)
    {
        if (end - start < 3) return;
#if NET8_0_OR_GREATER
        // one pass for all keywords over the text narrowed to bytes (a character outside Latin-1 becomes '?', which no
        // keyword holds); each detector resumes where it left off, as if it searched the text on its own
        int n = end - start;
        byte[] narrow = System.Buffers.ArrayPool<byte>.Shared.Rent(n);
        try
        {
            System.Text.Encoding.Latin1.GetBytes(text.AsSpan(start, n), narrow);
            ScanNarrowed(text, start, end, results, new ReadOnlySpan<byte>(narrow, 0, n), probeFirst: false);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(narrow);
        }
#else
        var scan = new ScanState(text, start, end, results);
        foreach (var (keyword, detect) in Detectors)
        {
            int pos = start;
            while (pos < end)
            {
                int at = IndexOf(text, keyword, pos, end, ignoreCase: false);
                if (at < 0) break;
                int next = detect(scan, at);
                pos = Math.Max(at + 1, next);
            }
        }
#endif
    }

    /// <summary>
    /// Scans many ranges of one text (a module's string literals and comments), narrowing the text to bytes once
    /// instead of once per range; the same matches, in the same order, as <see cref="Scan(string, int, int, List{SecretMatch})"/>
    /// on each range.
    /// </summary>
    public sealed class RangeScanner : IDisposable
    {
        private readonly string text;
#if NET8_0_OR_GREATER
        private byte[]? narrow;
#endif

        public RangeScanner(string text)
        {
            this.text = text;
#if NET8_0_OR_GREATER
            narrow = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(1, text.Length));
            System.Text.Encoding.Latin1.GetBytes(text.AsSpan(), narrow);
#endif
        }

        public void Scan(int start, int end, List<SecretMatch> results)
        {
#if NET8_0_OR_GREATER
            if (end - start < 3) return;
            ScanNarrowed(text, start, end, results, new ReadOnlySpan<byte>(narrow ?? throw new ObjectDisposedException(nameof(RangeScanner)), start, end - start), probeFirst: true);
#else
            TokenScanner.Scan(text, start, end, results);
#endif
        }

        public void Dispose()
        {
#if NET8_0_OR_GREATER
            if (narrow != null) System.Buffers.ArrayPool<byte>.Shared.Return(narrow);
            narrow = null;
#endif
        }
    }

#if NET8_0_OR_GREATER
    /// <summary><paramref name="narrow"/> is <c>text[start..end)</c> as Latin-1 bytes. With <paramref name="probeFirst"/>
    /// (many short ranges, most without any keyword) the range is first searched for any keyword at all, before the
    /// detectors' state is set up.</summary>
    private static void ScanNarrowed(string text, int start, int end, List<SecretMatch> results, ReadOnlySpan<byte> narrow, bool probeFirst)
    {
        if (probeFirst && !KeywordFinder.Any(narrow, static (_, _, _) => true)) return;
        var scan = new ScanState(text, start, end, results);
        int[] resume = System.Buffers.ArrayPool<int>.Shared.Rent(Detectors.Length);
        try
        {
            Array.Fill(resume, start, 0, Detectors.Length);
            KeywordFinder.Any(narrow, (_, literal, at) =>
            {
                int pos = start + at;
                foreach (int d in DetectorsOfLiteral[literal])
                {
                    string keyword = Detectors[d].Keyword;
                    if (pos < resume[d] || pos + keyword.Length > end || string.CompareOrdinal(text, pos, keyword, 0, keyword.Length) != 0) continue;
                    resume[d] = Math.Max(pos + 1, Detectors[d].Detect(scan, pos));
                }
                return false;
            });
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(resume);
        }
    }
#endif

    public static List<SecretMatch> Scan(string text)
    {
        var list = new List<SecretMatch>();
        Scan(text, 0, text.Length, list);
        return Resolve(list);
    }

    /// <summary>Sorts matches and drops any that overlaps a more specific one (a GitHub token inside a URL is one
    /// finding, the token; a PEM key inside a service-account file is the service-account key).</summary>
    public static List<SecretMatch> Resolve(List<SecretMatch> matches)
    {
        if (matches.Count <= 1) return matches;
        var ordered = matches.OrderBy(m => Priority(m.Category)).ThenByDescending(m => m.Length).ThenBy(m => m.Start).ToList();
        var kept = new List<SecretMatch>(ordered.Count);
        foreach (var m in ordered)
        {
            bool overlaps = false;
            foreach (var k in kept)
            {
                if (m.Start < k.End && k.Start < m.End)
                {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) kept.Add(m);
        }
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }

    private static int Priority(SecretCategory c) => c switch
    {
        SecretCategory.Provider => 0,
        SecretCategory.PrivateKey => 1,
        SecretCategory.KeyIdOnly => 2,
        SecretCategory.Url => 3,
        _ => 4,
    };

    internal static int IndexOf(string text, string keyword, int pos, int end, bool ignoreCase)
    {
        if (end - pos < keyword.Length) return -1;
#if NET8_0_OR_GREATER
        int k = ignoreCase
            ? text.AsSpan(pos, end - pos).IndexOf(keyword.AsSpan(), StringComparison.OrdinalIgnoreCase)
            : text.AsSpan(pos, end - pos).IndexOf(keyword.AsSpan());
        return k < 0 ? -1 : pos + k;
#else
        return text.IndexOf(keyword, pos, end - pos, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
#endif
    }

    private sealed class ScanState
    {
        public ScanState(string text, int start, int end, List<SecretMatch> results)
        {
            Text = text;
            Start = start;
            End = end;
            Results = results;
        }

        public string Text { get; }
        public int Start { get; }
        public int End { get; }
        public List<SecretMatch> Results { get; }

        public char At(int i) => i >= Start && i < End ? Text[i] : '\0';

        /// <summary>The character before <paramref name="i"/> is not part of a word (or of a base64 run when <paramref name="set"/> says so).</summary>
        public bool BoundaryBefore(int i, bool[] set) => i <= Start || !set.In(Text[i - 1]);

        public bool BoundaryAfter(int i, bool[] set) => i >= End || !set.In(Text[i]);

        public void Add(int start, int end, SecretCategory category, SecretType type, string? detail = null) =>
            Results.Add(new SecretMatch(start, end, category, type) { Detail = detail });

        public string Sub(int start, int end) => Text.Substring(start, end - start);
    }

    // ---- GitHub ---------------------------------------------------------------------------------------------

    /// <summary><c>ghp_</c>/<c>gho_</c>/<c>ghu_</c>/<c>ghs_</c>/<c>ghr_</c> + 30 base62 + 6-digit base62 CRC32 of those 30.</summary>
    private static int GitHubClassic(ScanState s, int at)
    {
        if (!s.BoundaryBefore(at, CharSets.Word)) return at + 4;
        int body = at + 4;
        int end = CharSets.RunEnd(s.Text, body, s.End, CharSets.Alnum);
        if (end - body != 36 || !s.BoundaryAfter(end, CharSets.Word)) return end;
        if (!Checksums.HasValidBase62Crc(s.Text, body, 36)) return end;
        s.Add(at, end, SecretCategory.Provider, SecretType.GitHubToken);
        return end;
    }

    /// <summary><c>github_pat_</c> + 22 base62 + <c>_</c> + 59 base62.</summary>
    private static int GitHubFineGrained(ScanState s, int at)
    {
        if (!s.BoundaryBefore(at, CharSets.Word)) return at + 11;
        int body = at + 11;
        int end = CharSets.RunEnd(s.Text, body, s.End, CharSets.Word);
        if (end - body != 82 || s.Text[body + 22] != '_' || s.Text.IndexOf('_', body, 22) >= 0) return end;
        if (Entropy.Shannon(s.Text, body, end) < 4.0 || Entropy.IsRepetitive(s.Text, body, body + 22)) return end;
        s.Add(at, end, SecretCategory.Provider, SecretType.GitHubFineGrained);
        return end;
    }

    // ---- AWS ------------------------------------------------------------------------------------------------

    /// <summary>
    /// Access key ids: AKIA (long-term), ASIA (temporary), ABIA, ACCA + 16 upper-case base32 characters
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids).
    /// With a 40-character secret access key within 5 lines it is a key pair (MLO401); alone, a key id (MLO407).
    /// </summary>
    private static int AwsKeyId(ScanState s, int at)
    {
        if (!s.BoundaryBefore(at, CharSets.Alnum)) return at + 4;
        int end = CharSets.RunEnd(s.Text, at + 4, s.End, CharSets.UpperAlnum);
        if (end - at != 20 || !s.BoundaryAfter(end, CharSets.Alnum)) return end;
        string id = s.Sub(at, end);
        if (Placeholders.IsDocumentedExample(id) || Entropy.IsRepetitive(s.Text, at + 4, end) || !id.Skip(4).All(c => CharSets.UpperBase32.In(c)))
        {
            return end;
        }
        var (secretStart, secretEnd) = FindAwsSecretNear(s.Text, at, end);
        if (secretStart >= 0)
        {
            s.Add(at, end, SecretCategory.Provider, SecretType.AwsAccessKey);
            if (!s.Results.Any(r => r.Start == secretStart && r.End == secretEnd))
            {
                s.Results.Add(new SecretMatch(secretStart, secretEnd, SecretCategory.Provider, SecretType.AwsSecretKey)
                {
                    Detail = "paired with access key id " + Text.Redaction.Redact(id),
                });
            }
        }
        else
        {
            s.Add(at, end, SecretCategory.KeyIdOnly, SecretType.AwsKeyId);
        }
        return end;
    }

    /// <summary>A 40-character base64 run (letters, digits, '+', '/') of high entropy within 5 lines of the key id.</summary>
    internal static (int Start, int End) FindAwsSecretNear(string text, int idStart, int idEnd)
    {
        int from = idStart, to = idEnd;
        for (int lines = 0; lines < 6 && from > 0; from--)
        {
            if (text[from - 1] == '\n' && ++lines == 6) break;
            if (idStart - from > 2000) break;
        }
        for (int lines = 0; lines < 6 && to < text.Length; to++)
        {
            if (text[to] == '\n' && ++lines == 6) break;
            if (to - idEnd > 2000) break;
        }
        int i = from;
        while (i < to)
        {
            if (!CharSets.Base64.In(text[i]))
            {
                i++;
                continue;
            }
            int runEnd = CharSets.RunEnd(text, i, to, CharSets.Base64);
            if (runEnd - i == 40 && (i == 0 || text[i - 1] != '=') && (runEnd >= text.Length || (text[runEnd] != '=' && !CharSets.Word.In(text[runEnd])))
                && (i == 0 || !CharSets.Word.In(text[i - 1])) && LooksLikeAwsSecret(text, i, runEnd))
            {
                return (i, runEnd);
            }
            i = runEnd;
        }
        return (-1, -1);
    }

    private static bool LooksLikeAwsSecret(string text, int start, int end)
    {
        string v = text.Substring(start, end - start);
        if (Placeholders.IsDocumentedExample(v) || Entropy.IsHex(v)) return false;
        if (Entropy.CharacterClasses(v) < 3 || Entropy.Shannon(v) < 4.0) return false;
        return !Placeholders.IsPlaceholder(v);
    }

    // ---- Azure ----------------------------------------------------------------------------------------------

    /// <summary><c>AccountKey=</c> + base64 of a 64-byte key (88 characters)
    /// (https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string).</summary>
    private static int AzureAccountKey(ScanState s, int at) => AzureKey(s, at, "AccountKey=".Length, 64, SecretType.AzureStorageKey);

    /// <summary><c>SharedAccessKey=</c> + base64 of a 32-byte key (Service Bus, Event Hubs, IoT Hub connection strings).</summary>
    private static int AzureSharedAccessKey(ScanState s, int at) => AzureKey(s, at, "SharedAccessKey=".Length, 32, SecretType.AzureSharedAccessKey);

    private static int AzureKey(ScanState s, int at, int keywordLength, int bytes, SecretType type)
    {
        int body = at + keywordLength;
        int end = CharSets.RunEnd(s.Text, body, s.End, CharSets.Base64);
        while (end < s.End && s.Text[end] == '=' && end - body < 200) end++;
        if (Base64Length(s.Text, body, end) != bytes) return end;
        string key = s.Sub(body, end);
        if (Placeholders.IsDocumentedExample(key) || Entropy.Shannon(key) < 4.0) return end;
        s.Add(body, end, SecretCategory.Provider, type);
        return end;
    }

    /// <summary>
    /// A SAS token's <c>sig=</c>: the URL-encoded base64 HMAC-SHA256 (32 bytes), in a query that also has the
    /// signed version <c>sv=</c> and an expiry <c>se=</c> or permissions <c>sp=</c>
    /// (https://learn.microsoft.com/rest/api/storageservices/create-service-sas).
    /// </summary>
    private static int AzureSas(ScanState s, int at)
    {
        if (at > s.Start && s.Text[at - 1] != '&' && s.Text[at - 1] != '?' && s.Text[at - 1] != '"' && s.Text[at - 1] != '\'' && s.Text[at - 1] != ';' && !char.IsWhiteSpace(s.Text[at - 1]))
        {
            return at + 4;
        }
        int body = at + 4;
        int end = body;
        while (end < s.End && end - body < 200 && (CharSets.Base64.In(s.Text[end]) || s.Text[end] == '%' || s.Text[end] == '=')) end++;
        string raw = s.Sub(body, end);
        string decoded = raw.Replace("%2B", "+").Replace("%2b", "+").Replace("%2F", "/").Replace("%2f", "/").Replace("%3D", "=").Replace("%3d", "=");
        if (Base64Length(decoded, 0, decoded.Length) != 32) return end;
        int ctxStart = Math.Max(0, at - 600), ctxEnd = Math.Min(s.Text.Length, end + 600);
        string ctx = s.Text.Substring(ctxStart, ctxEnd - ctxStart);
        if (ctx.IndexOf("sv=", StringComparison.Ordinal) < 0
            || (ctx.IndexOf("se=", StringComparison.Ordinal) < 0 && ctx.IndexOf("sp=", StringComparison.Ordinal) < 0))
        {
            return end;
        }
        if (Entropy.Shannon(decoded) < 4.0) return end;
        s.Add(body, end, SecretCategory.Provider, SecretType.AzureSas);
        return end;
    }

    /// <summary>Number of bytes the base64 text decodes to, or -1 when it is not canonical padded base64.</summary>
    internal static int Base64Length(string text, int start, int end)
    {
        int n = end - start;
        if (n == 0 || n % 4 != 0) return -1;
        int pad = 0;
        if (text[end - 1] == '=') pad++;
        if (n > 1 && text[end - 2] == '=') pad++;
        for (int i = start; i < end - pad; i++)
        {
            if (!CharSets.Base64.In(text[i])) return -1;
        }
        return n / 4 * 3 - pad;
    }

    // ---- OpenAI / Anthropic ---------------------------------------------------------------------------------

    /// <summary>
    /// OpenAI: <c>sk-</c> + 20 + <c>T3BlbkFJ</c> ("OpenAI" in base64) + 20 (legacy), and project/service-account/admin
    /// keys <c>sk-proj-</c>, <c>sk-svcacct-</c>, <c>sk-admin-</c> (base64url, with the marker where present).
    /// Anthropic: <c>sk-ant-api03-</c> / <c>sk-ant-admin01-</c> + 93 base64url characters + <c>AA</c>.
    /// </summary>
    private static int OpenAIOrAnthropic(ScanState s, int at)
    {
        if (!s.BoundaryBefore(at, CharSets.Base64Url)) return at + 3;
        int end = CharSets.RunEnd(s.Text, at + 3, s.End, CharSets.Base64Url);
        string token = s.Sub(at, end);
        if (token.StartsWith("sk-ant-", StringComparison.Ordinal))
        {
            int dash = token.IndexOf('-', 7);
            if (dash < 0) return end;
            string kind = token.Substring(7, dash - 7);
            if (kind is not ("api03" or "admin01" or "api02" or "api01")) return end;
            int rest = token.Length - dash - 1;
            if (rest == 95 && token.EndsWith("AA", StringComparison.Ordinal) && Entropy.Shannon(token) >= 4.0)
            {
                s.Add(at, end, SecretCategory.Provider, SecretType.Anthropic);
            }
            return end;
        }
        bool marker = token.IndexOf("T3BlbkFJ", StringComparison.Ordinal) >= 0;
        bool project = token.StartsWith("sk-proj-", StringComparison.Ordinal) || token.StartsWith("sk-svcacct-", StringComparison.Ordinal)
            || token.StartsWith("sk-admin-", StringComparison.Ordinal) || token.StartsWith("sk-None-", StringComparison.Ordinal);
        if (marker && token.Length >= 40 && Entropy.Shannon(token) >= 4.0
            || project && token.Length >= 80 && Entropy.Shannon(token) >= 4.5)
        {
            if (!Placeholders.IsPlaceholder(token)) s.Add(at, end, SecretCategory.Provider, SecretType.OpenAI);
        }
        return end;
    }

    // ---- Hugging Face, Databricks, Stripe, npm, PyPI ------------------------------------------------------

    /// <summary><c>hf_</c> + 34 or more letters (user access tokens), <c>api_org_</c> + 34 (organisation tokens)
    /// (https://huggingface.co/docs/hub/security-tokens).</summary>
    private static int HuggingFace(ScanState s, int at)
    {
        if (!s.BoundaryBefore(at, CharSets.Word)) return at + 3;
        int body = s.Text[at] == 'h' ? at + 3 : at + 8;
        int end = CharSets.RunEnd(s.Text, body, s.End, CharSets.Alnum);
        int n = end - body;
        if (n < 34 || n > 40 || !s.BoundaryAfter(end, CharSets.Word)) return end;
        int letters = 0, upper = 0;
        for (int i = body; i < end; i++)
        {
            if (CharSets.Letters.In(s.Text[i])) letters++;
            if (s.Text[i] >= 'A' && s.Text[i] <= 'Z') upper++;
        }
        if (letters < n - 4 || upper == 0 || upper == n) return end;
        if (Entropy.Shannon(s.Text, body, end) < 3.8 || Placeholders.IsPlaceholder(s.Sub(body, end))) return end;
        s.Add(at, end, SecretCategory.Provider, SecretType.HuggingFace);
        return end;
    }

    /// <summary><c>dapi</c> + 32 lower-case hex digits, optionally <c>-2</c>
    /// (https://docs.databricks.com/en/dev-tools/auth/pat.html).</summary>
    private static int Databricks(ScanState s, int at)
    {
        if (!s.BoundaryBefore(at, CharSets.Word)) return at + 4;
        int body = at + 4;
        int end = CharSets.RunEnd(s.Text, body, s.End, CharSets.LowerHex);
        if (end - body != 32) return end;
        if (end + 1 < s.End && s.Text[end] == '-' && CharSets.IsDigit(s.Text[end + 1])) end += 2;
        if (!s.BoundaryAfter(end, CharSets.Word)) return end;
        if (Entropy.Shannon(s.Text, body, body + 32) < 3.0 || Entropy.IsRepetitive(s.Text, body, body + 32) || Entropy.IsSequential(s.Text, body, body + 32)) return end;
        s.Add(at, end, SecretCategory.Provider, SecretType.Databricks);
        return end;
    }

    /// <summary><c>sk_live_</c> / <c>rk_live_</c> + 24 or more base62 characters (https://docs.stripe.com/keys).
    /// Test-mode keys (<c>sk_test_</c>) move no money and are not reported.</summary>
    private static int Stripe(ScanState s, int at)
    {
        if (!s.BoundaryBefore(at, CharSets.Alnum)) return at + 8;
        int body = at + 8;
        int end = CharSets.RunEnd(s.Text, body, s.End, CharSets.Alnum);
        int n = end - body;
        if (n < 24 || n > 247 || !s.BoundaryAfter(end, CharSets.Word)) return end;
        if (Entropy.Shannon(s.Text, body, end) < 3.8 || Placeholders.IsPlaceholder(s.Sub(body, end))) return end;
        s.Add(at, end, SecretCategory.Provider, SecretType.Stripe);
        return end;
    }

    /// <summary><c>npm_</c> + 30 base62 + 6-digit base62 CRC32, as GitHub's tokens.</summary>
    private static int Npm(ScanState s, int at)
    {
        if (!s.BoundaryBefore(at, CharSets.Word)) return at + 4;
        int body = at + 4;
        int end = CharSets.RunEnd(s.Text, body, s.End, CharSets.Alnum);
        if (end - body != 36 || !s.BoundaryAfter(end, CharSets.Word)) return end;
        if (!Checksums.HasValidBase62Crc(s.Text, body, 36)) return end;
        s.Add(at, end, SecretCategory.Provider, SecretType.Npm);
        return end;
    }

    /// <summary>
    /// <c>pypi-</c> + a base64url macaroon whose first bytes encode its location: <c>AgEIcHlwaS5vcmc</c> is
    /// "\x02\x01\x08pypi.org", <c>AgENdGVzdC5weXBpLm9yZw</c> "test.pypi.org" (https://pypi.org/help/#apitoken).
    /// </summary>
    private static int PyPI(ScanState s, int at)
    {
        if (!s.BoundaryBefore(at, CharSets.Word)) return at + 5;
        int end = CharSets.RunEnd(s.Text, at + 5, s.End, CharSets.Base64Url);
        string token = s.Sub(at, end);
        if (!(token.StartsWith("pypi-AgEIcHlwaS5vcmc", StringComparison.Ordinal) || token.StartsWith("pypi-AgENdGVzdC5weXBpLm9yZw", StringComparison.Ordinal))) return end;
        int prefix = token.StartsWith("pypi-AgEIcHlwaS5vcmc", StringComparison.Ordinal) ? 20 : 27;
        if (token.Length < 80 || Entropy.IsRepetitive(token, prefix, token.Length) || Entropy.IsSequential(token, prefix, token.Length)) return end;
        // a hex body (as some generated samples have) has at most 4 bits a character; a base64url macaroon about 6
        if (Entropy.IsHex(token.Substring(prefix)) ? Entropy.Shannon(token, prefix, token.Length) < 3.0 : Entropy.Shannon(token) < 4.5) return end;
        s.Add(at, end, SecretCategory.Provider, SecretType.PyPI);
        return end;
    }

    // ---- Slack ----------------------------------------------------------------------------------------------

    /// <summary>
    /// <c>xoxb-</c> (bot), <c>xoxp-</c> (user), <c>xoxa-</c>/<c>xoxr-</c>/<c>xoxs-</c>/<c>xoxo-</c>: dash-separated numeric ids
    /// (8–14 digits, as Slack's team, user and bot ids are) and a random part; legacy bot tokens <c>xoxb-&lt;id&gt;-&lt;24&gt;</c>;
    /// refresh tokens <c>xoxe-1-&lt;146&gt;</c> and configuration tokens <c>xoxe.xoxp-1-&lt;163–166&gt;</c>
    /// (https://api.slack.com/concepts/token-types, https://api.slack.com/authentication/config-tokens).
    /// </summary>
    private static int SlackToken(ScanState s, int at)
    {
        if (!s.BoundaryBefore(at, CharSets.Alnum)) return at + 3;
        if (at + 5 > s.End || "bpaerso".IndexOf(s.Text[at + 3]) < 0) return at + 3;
        char kind = s.Text[at + 3];
        int p = at + 4;
        if (s.Text[p] == '.') return kind == 'e' ? SlackConfigToken(s, at) : p;
        if (s.Text[p] != '-') return p;
        int end = p + 1;
        while (end < s.End && (CharSets.Alnum.In(s.Text[end]) || s.Text[end] == '-') && end - at < 300) end++;
        if (end < s.End && s.Text[end] is '_' or '.') return end;
        var parts = s.Sub(p + 1, end).Split('-');
        string last = parts[parts.Length - 1];
        if (kind == 'e' && parts.Length == 2 && parts[0].Length == 1 && CharSets.IsDigit(parts[0][0]))
        {
            // refresh token: xoxe-1-<146 base62>
            if (last.Length is >= 140 and <= 150 && LooksRandom(s.Text, end - last.Length, end, 4.0)) s.Add(at, end, SecretCategory.Provider, SecretType.SlackToken);
            return end;
        }
        if (parts.Length < 2) return end;
        for (int i = 0; i < parts.Length - 1; i++)
        {
            string id = parts[i];
            if (id.Length is < 8 or > 14 || !id.All(CharSets.IsDigit) || Entropy.IsSequential(id, 0, id.Length) || Entropy.IsRepetitive(id, 0, id.Length)) return end;
        }
        bool legacyBot = parts.Length == 2;
        if (legacyBot && (kind != 'b' || last.Length is < 18 or > 26)) return end;
        if (!legacyBot && last.Length < 24) return end;
        // a 32-hex ending (user tokens) has at most 4 bits a character; about one in five random ones is below 3.5
        double floor = Entropy.IsHex(last) ? 3.0 : 3.5;
        if (Entropy.Shannon(last) < floor || Entropy.IsRepetitive(last, 0, last.Length) || Placeholders.IsPlaceholder(last)) return end;
        s.Add(at, end, SecretCategory.Provider, SecretType.SlackToken);
        return end;
    }

    /// <summary><c>xoxe.xoxp-1-</c> / <c>xoxe.xoxb-1-</c> + 163–166 base62: an app configuration access token.</summary>
    private static int SlackConfigToken(ScanState s, int at)
    {
        int p = at + 5;
        if (p + 7 > s.End || string.CompareOrdinal(s.Text, p, "xox", 0, 3) != 0 || s.Text[p + 3] is not ('p' or 'b') || s.Text[p + 4] != '-'
            || !CharSets.IsDigit(s.Text[p + 5]) || s.Text[p + 6] != '-') return p;
        int body = p + 7;
        int end = CharSets.RunEnd(s.Text, body, s.End, CharSets.Alnum);
        if (end - body is < 163 or > 166 || !s.BoundaryAfter(end, CharSets.Word) || !LooksRandom(s.Text, body, end, 4.0)) return end;
        s.Add(at, end, SecretCategory.Provider, SecretType.SlackToken);
        return end;
    }

    /// <summary><c>https://hooks.slack.com/services/T…/B…/</c> + 24 base62 characters.</summary>
    private static int SlackWebhook(ScanState s, int at)
    {
        int p = at + "hooks.slack.com/services/".Length;
        int t = CharSets.RunEnd(s.Text, p, s.End, CharSets.UpperAlnum);
        if (t - p < 9 || s.Text[p] != 'T' || t >= s.End || s.Text[t] != '/') return t;
        int b = CharSets.RunEnd(s.Text, t + 1, s.End, CharSets.UpperAlnum);
        if (b - t - 1 < 9 || s.Text[t + 1] != 'B' || b >= s.End || s.Text[b] != '/') return b;
        int end = CharSets.RunEnd(s.Text, b + 1, s.End, CharSets.Alnum);
        if (end - b - 1 < 24 || Entropy.Shannon(s.Text, b + 1, end) < 3.5 || Placeholders.IsPlaceholder(s.Sub(b + 1, end))) return end;
        int start = at;
        if (start - 8 >= s.Start && string.CompareOrdinal(s.Text, start - 8, "https://", 0, 8) == 0) start -= 8;
        s.Add(start, end, SecretCategory.Provider, SecretType.SlackWebhook);
        return end;
    }

    // ---- JWT ------------------------------------------------------------------------------------------------

    /// <summary>Three base64url parts; the header decodes to a JSON object with <c>"alg"</c>, the payload to a JSON
    /// object (RFC 7519). Unsigned tokens (<c>alg: none</c>) grant nothing and are skipped.</summary>
    private static int Jwt(ScanState s, int at)
    {
        if (!s.BoundaryBefore(at, CharSets.Base64Url)) return at + 3;
        int h = CharSets.RunEnd(s.Text, at, s.End, CharSets.Base64Url);
        if (h - at < 10 || h >= s.End || s.Text[h] != '.') return h;
        int p = CharSets.RunEnd(s.Text, h + 1, s.End, CharSets.Base64Url);
        if (p - h - 1 < 10 || p >= s.End || s.Text[p] != '.') return p;
        int sig = CharSets.RunEnd(s.Text, p + 1, s.End, CharSets.Base64Url);
        if (sig - p - 1 < 16 || !s.BoundaryAfter(sig, CharSets.Base64Url) || (sig < s.End && s.Text[sig] == '.')) return sig;
        string? header = DecodeBase64Url(s.Text, at, h);
        if (header == null || !header.TrimStart().StartsWith("{", StringComparison.Ordinal) || header.IndexOf("\"alg\"", StringComparison.Ordinal) < 0) return sig;
        if (header.Replace(" ", "").IndexOf("\"alg\":\"none\"", StringComparison.OrdinalIgnoreCase) >= 0) return sig;
        string? payload = DecodeBase64Url(s.Text, h + 1, p);
        if (payload == null || !payload.TrimStart().StartsWith("{", StringComparison.Ordinal)) return sig;
        if (Entropy.Shannon(s.Text, p + 1, sig) < 3.5) return sig;
        s.Add(at, sig, SecretCategory.Provider, SecretType.Jwt);
        return sig;
    }

    internal static string? DecodeBase64Url(string text, int start, int end)
    {
        int n = end - start;
        if (n % 4 == 1) return null;
        var sb = new StringBuilder(n + 3);
        for (int i = start; i < end; i++) sb.Append(text[i] == '-' ? '+' : text[i] == '_' ? '/' : text[i]);
        while (sb.Length % 4 != 0) sb.Append('=');
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(sb.ToString()));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // ---- Private keys ---------------------------------------------------------------------------------------

    /// <summary>
    /// <c>-----BEGIN [RSA |EC |DSA |OPENSSH |ENCRYPTED ]PRIVATE KEY-----</c> (RFC 7468, OpenSSH PROTOCOL.key) or
    /// <c>-----BEGIN PGP PRIVATE KEY BLOCK-----</c>, with a base64 body of real length (lines of dots or "..." are
    /// documentation). Inside a service-account JSON (<c>"type": "service_account"</c>) it is that account's key.
    /// Newlines may be real or JSON/Python escapes (<c>\n</c>).
    /// </summary>
    private static int PrivateKey(ScanState s, int at)
    {
        int labelStart = at + 11;
        int labelEnd = s.Text.IndexOf("-----", labelStart, Math.Min(60, s.End - labelStart), StringComparison.Ordinal);
        if (labelEnd < 0) return labelStart;
        string label = s.Sub(labelStart, labelEnd);
        if (!(label.EndsWith("PRIVATE KEY", StringComparison.Ordinal) || label == "PGP PRIVATE KEY BLOCK")) return labelEnd;
        int bodyStart = labelEnd + 5;
        int endMarker = s.Text.IndexOf("-----END ", bodyStart, Math.Min(s.End - bodyStart, 20000), StringComparison.Ordinal);
        int bodyEnd = endMarker < 0 ? Math.Min(s.End, bodyStart + 20000) : endMarker;
        int base64 = 0;
        bool headers = false;
        for (int i = bodyStart; i < bodyEnd; i++)
        {
            char c = s.Text[i];
            if (c == '\\' && i + 1 < bodyEnd && (s.Text[i + 1] == 'n' || s.Text[i + 1] == 'r'))
            {
                i++;
                continue;
            }
            if (CharSets.Base64.In(c) || c == '=') base64++;
            else if (c == '.' && i + 2 < bodyEnd && s.Text[i + 1] == '.' && s.Text[i + 2] == '.') return bodyEnd; // "..." elision
            else if (c == ':') headers = true; // Proc-Type: 4,ENCRYPTED
            else if (c == '"' || c == '\'' || c == '<' || c == '{') { bodyEnd = i; break; }
            else if (c is '`' or '(' or ')' or '.' or '*' or '#' or '[' or ']' or '|' or '…' or '!' or '?' or ';') return bodyEnd; // prose, not a key body
        }
        if (base64 < 64 || Entropy.Shannon(s.Text, bodyStart, bodyEnd) < 4.0) return bodyEnd;
        int end = bodyEnd;
        if (endMarker >= 0 && endMarker == bodyEnd)
        {
            int close = s.Text.IndexOf("-----", endMarker + 9, Math.Min(60, s.End - endMarker - 9), StringComparison.Ordinal);
            end = close < 0 ? endMarker + 9 : close + 5;
        }
        else
        {
            while (end > bodyStart && (char.IsWhiteSpace(s.Text[end - 1]) || s.Text[end - 1] == 'n' && s.Text[end - 2] == '\\')) end -= char.IsWhiteSpace(s.Text[end - 1]) ? 1 : 2;
        }
        bool encrypted = label.StartsWith("ENCRYPTED", StringComparison.Ordinal) || headers && s.Sub(bodyStart, Math.Min(bodyEnd, bodyStart + 200)).Contains("ENCRYPTED");
        string? detail = encrypted ? "encrypted with a passphrase, which protects it only as well as the passphrase does" : null;
        if (IsServiceAccountKey(s.Text, at))
        {
            s.Add(at, end, SecretCategory.Provider, SecretType.GcpServiceAccount, detail);
        }
        else
        {
            string kind = label == "PRIVATE KEY" ? "PKCS#8" : label.Replace(" PRIVATE KEY", "").Replace(" BLOCK", "");
            s.Add(at, end, SecretCategory.PrivateKey, SecretType.PrivateKey, kind + (detail == null ? "" : ", " + detail));
        }
        return end;
    }

    /// <summary>The key is the <c>"private_key"</c> value of a JSON object with <c>"type": "service_account"</c>.</summary>
    private static bool IsServiceAccountKey(string text, int keyStart)
    {
        int from = Math.Max(0, keyStart - 40);
        if (text.IndexOf("private_key", from, keyStart - from, StringComparison.Ordinal) < 0) return false;
        int ctx = Math.Max(0, keyStart - 4000);
        int ctxEnd = Math.Min(text.Length, keyStart + 8000);
        int t = text.IndexOf("\"service_account\"", ctx, ctxEnd - ctx, StringComparison.Ordinal);
        return t >= 0;
    }

    // ---- URLs and connection strings ------------------------------------------------------------------------

    /// <summary>
    /// <c>scheme://user:password@host</c> (RFC 3986 userinfo) for any scheme — postgresql, mysql, mongodb+srv,
    /// redis (<c>redis://:password@host</c>), amqp, https, s3… — and secret-named query parameters
    /// (<c>?password=</c>, <c>&amp;api_key=</c>, <c>&amp;access_token=</c>).
    /// </summary>
    private static int UrlCredentials(ScanState s, int at)
    {
        int schemeStart = CharSets.RunStart(s.Text, at, Math.Max(s.Start, at - 40), CharSets.Scheme);
        if (at - schemeStart < 2 || !CharSets.IsAsciiLetter(s.Text[schemeStart])) return at + 3;
        string scheme = s.Sub(schemeStart, at);
        int authStart = at + 3;
        int i = authStart;
        int limit = Math.Min(s.End, authStart + UrlAuthorityLimit);
        int at2 = -1;
        while (i < limit)
        {
            char c = s.Text[i];
            if (EndsUrlAuthority(c)) break;
            if (c == '@') at2 = i;
            i++;
        }
        int authEnd = i;
        if (at2 > authStart)
        {
            int userStart = authStart;
            int comma = s.Text.LastIndexOf(',', at2 - 1, at2 - authStart);
            if (comma >= 0) userStart = comma + 1; // multi-host URL: https://a:1,b:2@c — the credentials are after the last comma
            int colon = userStart < at2 ? s.Text.IndexOf(':', userStart, at2 - userStart) : -1;
            int hostEnd = authEnd;
            string host = s.Sub(at2 + 1, hostEnd);
            // docker://alpine:3.19@sha256:… is an image pinned to a digest (GitHub Actions' `uses:`), not user:password@host
            bool digest = host.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) || host.StartsWith("sha512:", StringComparison.OrdinalIgnoreCase);
            int port = host.LastIndexOf(':');
            if (port > 0 && !host.StartsWith("[", StringComparison.Ordinal)) host = host.Substring(0, port);
            if (!digest && colon >= 0 && colon + 1 < at2 && host.Length > 0 && (char.IsLetterOrDigit(host[0]) || host[0] == '['))
            {
                string password = s.Sub(colon + 1, at2);
                string user = s.Sub(userStart, colon);
                if (IsRealPassword(password) && !IsTemplate(user) && !IsTemplate(host) && !IsDocumentationHost(host))
                {
                    s.Add(colon + 1, at2, SecretCategory.Url, SecretType.UrlPassword, $"in a {scheme}:// URL (host {Shorten(host)})");
                }
            }
        }
        // query string credentials
        int q = i;
        while (q < limit && s.Text[q] != '?' && !IsUrlTerminator(s.Text[q])) q++;
        if (q < limit && s.Text[q] == '?')
        {
            int p = q + 1;
            while (p < limit)
            {
                int nameEnd = p;
                while (nameEnd < limit && s.Text[nameEnd] != '=' && s.Text[nameEnd] != '&' && !IsUrlTerminator(s.Text[nameEnd])) nameEnd++;
                if (nameEnd >= limit || s.Text[nameEnd] != '=')
                {
                    if (nameEnd < limit && s.Text[nameEnd] == '&') { p = nameEnd + 1; continue; }
                    break;
                }
                int valueEnd = nameEnd + 1;
                while (valueEnd < limit && s.Text[valueEnd] != '&' && s.Text[valueEnd] != '#' && !IsUrlTerminator(s.Text[valueEnd])) valueEnd++;
                string name = s.Sub(p, nameEnd);
                string value = s.Sub(nameEnd + 1, valueEnd);
                var kind = SecretNames.Classify(name);
                if (kind != SecretNames.NameKind.None && GenericValue.IsSecret(value, kind))
                {
                    s.Add(nameEnd + 1, valueEnd, SecretCategory.Url, SecretType.UrlToken, $"in the '{name}' parameter of a {scheme}:// URL");
                }
                if (valueEnd >= limit || s.Text[valueEnd] != '&') break;
                p = valueEnd + 1;
            }
            return Math.Max(authEnd, p);
        }
        return authEnd;
    }

    /// <summary>RFC 2606/6761 documentation domains and foo/bar stand-ins: example.com, db.example, host.test, foo.com.</summary>
    private static bool IsDocumentationHost(string host)
    {
        string h = host.ToLowerInvariant();
        foreach (var d in new[] { "example.com", "example.org", "example.net", "foo.com", "bar.com", "foo.bar", "foobar.com", "acme.com", "contoso.com", "your-host", "yourhost", "hostname", "host.com", "domain.com", "yourdomain.com", "mydomain.com", "server.com", "xxx" })
        {
            if (h == d || h.EndsWith("." + d, StringComparison.Ordinal)) return true;
        }
        return h.EndsWith(".example", StringComparison.Ordinal) || h.EndsWith(".test", StringComparison.Ordinal) || h.EndsWith(".invalid", StringComparison.Ordinal);
    }

    /// <summary>How far past <c>://</c> the URL detector reads (characters).</summary>
    internal const int UrlAuthorityLimit = 2048;

    /// <summary>A character that ends a URL's authority (<c>user:password@host:port</c>) for the URL detector.</summary>
    internal static bool EndsUrlAuthority(char c) => c == '/' || c == '?' || c == '#' || IsUrlTerminator(c);

    private static bool IsUrlTerminator(char c) => c is '"' or '\'' or '`' or '<' or '>' or '\\' or ' ' or '\t' or '\n' or '\r' or ')' or ']';

    private static bool IsTemplate(string s) => s.IndexOf('{') >= 0 || s.IndexOf('$') >= 0 || s.IndexOf('%') >= 0 && s.IndexOf("%40", StringComparison.Ordinal) < 0 || s.IndexOf('<') >= 0;

    private static bool IsRealPassword(string password)
    {
        if (password.Length < 3 || IsTemplate(password)) return false;
        if (password.IndexOf('@') >= 0 && password.IndexOf("%40", StringComparison.Ordinal) < 0 && password.Length < 4) return false;
        if (Placeholders.IsPlaceholder(password)) return false;
        // a word that names what goes there: "pass", "password", "pw", "secret", "token", "PASSWORD"
        return true;
    }

    private static string Shorten(string host) => host.Length > 60 ? host.Substring(0, 57) + "…" : host;

    /// <summary>
    /// <c>Password=</c>/<c>Pwd=</c> in a semicolon-separated connection string (ADO.NET, ODBC, JDBC properties):
    /// <c>Server=db;User Id=sa;Password=…;</c>.
    /// </summary>
    private static int ConnectionStringPassword(ScanState s, int at)
    {
        int keywordEnd = s.Text.IndexOf('=', at) + 1;
        if (at > s.Start)
        {
            char before = s.Text[at - 1];
            if (before != ';' && before != ' ' && before != '"' && before != '\'' && before != '\t' && before != '{') return keywordEnd;
        }
        int end = keywordEnd;
        bool quoted = end < s.End && (s.Text[end] == '\'' || s.Text[end] == '{');
        char close = quoted ? (s.Text[end] == '{' ? '}' : '\'') : ';';
        int valueStart = quoted ? end + 1 : end;
        end = valueStart;
        while (end < s.End && s.Text[end] != close && s.Text[end] != '\n' && s.Text[end] != '\r' && s.Text[end] != '"' && (quoted || s.Text[end] != '\'') && end - valueStart < 200) end++;
        // it is a connection string when other Key=Value; pairs are beside it on the line
        int back = Math.Min(at, 300);
        int lineStart = back == 0 ? at : s.Text.LastIndexOf('\n', at - 1, back) + 1;
        int from = lineStart == 0 ? Math.Max(0, at - 300) : lineStart;
        int ahead = Math.Min(s.Text.Length - end, 300);
        int lineEnd = ahead <= 0 ? end : s.Text.IndexOf('\n', end, ahead);
        int to = lineEnd < 0 ? end + ahead : lineEnd;
        string around = s.Text.Substring(from, to - from);
        if (around.IndexOf(';') < 0 || around.Count(c => c == '=') < 2) return end;
        string value = s.Sub(valueStart, end).Trim();
        if (!IsRealPassword(value)) return end;
        s.Add(valueStart, end, SecretCategory.Url, SecretType.ConnectionStringPassword, "in a connection string");
        return end;
    }

    // ---- bearer tokens --------------------------------------------------------------------------------------

    /// <summary>
    /// <c>Bearer &lt;token&gt;</c> (an <c>Authorization</c> header written out: <c>{"Authorization": "Bearer …"}</c>,
    /// <c>curl -H "Authorization: Bearer …"</c>) with a literal token of 20 or more b64token characters that looks
    /// random: letters and digits mixed, high entropy, no placeholder. Templates (<c>f"Bearer {token}"</c>,
    /// <c>"Bearer " + token</c>, <c>Bearer $TOKEN</c>) have no literal token and are not read. Tokens in a provider's
    /// own format are reported by that provider's detector instead.
    /// </summary>
    private static int Bearer(ScanState s, int at)
    {
        if (!s.BoundaryBefore(at, CharSets.Word)) return at + 7;
        int body = at + 7;
        while (body < s.End && s.Text[body] == ' ' && body - at < 10) body++;
        int end = CharSets.RunEnd(s.Text, body, s.End, CharSets.BearerToken);
        int n = end - body;
        while (end < s.End && s.Text[end] == '=' && end - body - n < 2) end++;
        if (n < 20 || n > 4096 || !s.BoundaryAfter(end, CharSets.Word)) return Math.Max(end, at + 7);
        int letters = 0, digits = 0;
        for (int i = body; i < body + n; i++)
        {
            if (CharSets.Letters.In(s.Text[i])) letters++;
            else if (CharSets.IsDigit(s.Text[i])) digits++;
        }
        if (letters < 4 || digits < 2 || Entropy.Shannon(s.Text, body, body + n) < 3.5 || Entropy.IsRepetitive(s.Text, body, body + n)
            || Placeholders.IsPlaceholder(s.Sub(body, body + n)))
        {
            return end;
        }
        s.Results.Add(new SecretMatch(body, end, SecretCategory.Generic, SecretType.BearerToken) { Name = "Authorization" });
        return end;
    }
}
