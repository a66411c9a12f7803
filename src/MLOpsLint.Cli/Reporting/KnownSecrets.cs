using System.Buffers;
using MLOpsLint.Core.Text;

namespace MLOpsLint.Cli.Reporting;

/// <summary>
/// The secrets the detectors found anywhere in the scan (<see cref="Core.Engine.LintResult.Secrets"/>): every output
/// masks each of them wherever it recurs, also where nothing around it says it is a secret (a token in a file path that
/// another rule quotes, a value repeated in a requirements line, a --diff context line). One instance is shared by the
/// run's stdout, stderr and report files; it only grows, and is safe to use from several threads.
/// </summary>
internal sealed class KnownSecrets
{
    private readonly object gate = new();
    private readonly HashSet<string> values = new(StringComparer.Ordinal);
    private Index? index;

    public int Count
    {
        get
        {
            lock (gate) return values.Count;
        }
    }

    /// <summary>Adds <paramref name="secrets"/> (values under 8 characters are ignored: masking them everywhere would hide ordinary text).</summary>
    public void Add(IEnumerable<string> secrets)
    {
        lock (gate)
        {
            bool changed = false;
            foreach (var s in secrets)
            {
                if (s.Length >= 8) changed |= values.Add(s);
            }
            if (changed) index = null;
        }
    }

    /// <summary><paramref name="text"/> with every occurrence of a known secret replaced by <see cref="Redaction.Redact"/>
    /// (the longest one where several start at the same place); the same instance when none occurs. Linear in the text
    /// (one multi-string search), whatever the number of secrets.</summary>
    public string Mask(string text)
    {
        if (text.Length < 8) return text;
        var ix = Current();
        if (ix == null) return text;
        int at = text.AsSpan().IndexOfAny(ix.Search);
        if (at < 0) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        int copied = 0;
        while (at >= 0)
        {
            int pos = copied + at;
            string? hit = null;
            if (ix.ByFirstChar.TryGetValue(text[pos], out var candidates))
            {
                foreach (var c in candidates) // longest first
                {
                    if (pos + c.Length <= text.Length && string.CompareOrdinal(text, pos, c, 0, c.Length) == 0)
                    {
                        hit = c;
                        break;
                    }
                }
            }
            if (hit == null) // cannot happen (the search found one here); move on rather than loop
            {
                sb.Append(text, copied, pos + 1 - copied);
                copied = pos + 1;
            }
            else
            {
                sb.Append(text, copied, pos - copied).Append(Redaction.Redact(hit));
                copied = pos + hit.Length;
            }
            at = copied < text.Length ? text.AsSpan(copied).IndexOfAny(ix.Search) : -1;
        }
        sb.Append(text, copied, text.Length - copied);
        return sb.ToString();
    }

    private Index? Current()
    {
        lock (gate)
        {
            if (values.Count == 0) return null;
            if (index != null) return index;
            var byFirst = values.GroupBy(v => v[0]).ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.Length).ThenBy(v => v, StringComparer.Ordinal).ToArray());
            return index = new Index(SearchValues.Create(values.ToArray(), StringComparison.Ordinal), byFirst);
        }
    }

    private sealed record Index(SearchValues<string> Search, Dictionary<char, string[]> ByFirstChar);
}
