namespace MLOpsLint.Core.Secrets;

/// <summary>
/// A cheap test that a Python source or a notebook can hold no secret at all, so the credential rules need not parse
/// it. A secret there is either a token some detector recognises (searched in the whole text here: every string,
/// comment, magic line and output is part of it — a notebook's JSON escapes nothing a token is made of) or a value
/// stored under a credential name (an assignment target, a keyword argument, a dict key, an environment variable
/// name) — and every such name is written in the text, so it is enough to classify the words around each fragment of
/// a secret word (<c>pass</c>, <c>token</c>, <c>key</c>…). Conservative by design: it may let a harmless file through
/// to the full reader, never the reverse. Worth it on history scans, where most blobs are versions of ordinary
/// modules and notebooks.
/// </summary>
public static partial class SecretPrefilter
{
    public static bool MayHoldSecret(string text)
    {
        // one lower-cased copy (in a pooled buffer: a history scan lowers ~100 MB), searched with ordinal, vectorised
        // IndexOf; case-insensitive searches are many times slower
        char[] buffer = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            var lower = new Span<char>(buffer, 0, text.Length);
            text.AsSpan().ToLowerInvariant(lower);
            if (lower.IndexOf("wandb".AsSpan()) >= 0 || lower.IndexOf("kaggle".AsSpan()) >= 0)
            {
                return true; // names read with a provider in mind: wandb.login(key=…), {"kaggle_key": …}
            }
            var tokens = new List<SecretMatch>();
            TokenScanner.Scan(text, 0, text.Length, tokens);
            return tokens.Count > 0 || MayHoldNamedSecret(text, lower);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>True when some credential-like name appears in <paramref name="text"/> (<paramref name="lower"/> is
    /// it lower-cased): the run of name characters around a fragment (with and without spaces, and each dotted part)
    /// classifies as a secret name.</summary>
    private static bool MayHoldNamedSecret(string text, ReadOnlySpan<char> lower)
    {
        foreach (string fragment in SecretNames.Fragments)
        {
            int at = 0;
            while (at < lower.Length)
            {
                int hit = lower.Slice(at).IndexOf(fragment.AsSpan());
                if (hit < 0) break;
                if (NameAround(text, at + hit, fragment.Length)) return true;
                at += hit + fragment.Length;
            }
        }
        return false;
    }

    private static bool NameAround(string text, int at, int length)
    {
        var (s, e) = Run(text, at, at + length, spaces: false);
        string run = text.Substring(s, e - s);
        if (SecretNames.Classify(run) != SecretNames.NameKind.None) return true;
        if (run.IndexOf('.') >= 0 && run.Split('.').Any(p => SecretNames.Classify(p) != SecretNames.NameKind.None)) return true;
        var (ws, we) = Run(text, at, at + length, spaces: true);
        return (ws != s || we != e) && SecretNames.Classify(text.Substring(ws, we - ws).Trim()) != SecretNames.NameKind.None;
    }

    private static (int Start, int End) Run(string text, int start, int end, bool spaces)
    {
        while (start > 0 && IsNameChar(text[start - 1], spaces)) start--;
        while (end < text.Length && IsNameChar(text[end], spaces)) end++;
        return (start, end);
    }

    /// <summary>Characters a variable, key or environment name is written with (and, for spaced keys like
    /// <c>"api key"</c>, the blanks between words); everything else — quotes, operators, brackets, line breaks — ends it.</summary>
    private static bool IsNameChar(char c, bool spaces) =>
        char.IsLetterOrDigit(c) || c is '_' or '.' or '-' or '/' or ':' || (spaces && (c == ' ' || c == '\t'));
}
