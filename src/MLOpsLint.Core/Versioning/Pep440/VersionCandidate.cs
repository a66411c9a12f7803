namespace MLOpsLint.Core.Versioning.Pep440;

/// <summary>An item to match: its text (what <c>===</c> compares) and its parsed version, if any.</summary>
internal readonly struct VersionCandidate
{
    private VersionCandidate(string text, Pep440Version? version)
    {
        Text = text;
        Version = version;
    }

    public string Text { get; }

    public Pep440Version? Version { get; }

    public bool IsPrerelease => Version is { IsPrerelease: true };

    public static VersionCandidate From(string text) =>
        new(text, Pep440Version.TryParse(text, out var v) ? v : null);

    /// <summary>A parsed version: <c>===</c> sees its normalised text, as packaging's <c>str(Version)</c>.</summary>
    public static VersionCandidate From(Pep440Version version) => new(version.ToString(), version);
}

/// <summary>PEP 440's pre-release policy as packaging applies it when filtering.</summary>
internal static class PrereleasePolicy
{
    /// <summary>Keeps the items of <paramref name="matches"/> (already matched) that the policy admits:
    /// null = pre-releases only when no final release matched (unparsable items always kept),
    /// true = all, false = no parsed pre-release.</summary>
    public static IEnumerable<T> Apply<T>(IEnumerable<(T Item, VersionCandidate Candidate)> matches, bool? prereleases)
    {
        if (prereleases == true) return matches.Select(m => m.Item);
        if (prereleases == false) return matches.Where(m => !m.Candidate.IsPrerelease).Select(m => m.Item);
        return Default(matches, keepUnparsable: true);
    }

    /// <summary>Keeps the items whose version lies in <paramref name="intervals"/>, then applies the policy.
    /// Unparsable items never match.</summary>
    public static IEnumerable<T> FilterByIntervals<T>(
        VersionInterval[] intervals, IEnumerable<(T Item, VersionCandidate Candidate)> items, bool? prereleases)
    {
        var inRange = items.Where(m => m.Candidate.Version is { } v && VersionIntervals.Contains(intervals, v));
        if (prereleases == true) return inRange.Select(m => m.Item);
        if (prereleases == false) return inRange.Where(m => !m.Candidate.IsPrerelease).Select(m => m.Item);
        return Default(inRange, keepUnparsable: false);
    }

    /// <summary>The decision for a single matched item (what <c>contains</c> reduces to).</summary>
    public static bool Admits(VersionCandidate candidate, bool? prereleases) =>
        prereleases != false || !candidate.IsPrerelease;

    // Final releases stream out; pre-releases (and unparsable items) wait until the first final,
    // after which pre-releases are dropped. If no final ever comes, the waiting items come out.
    private static IEnumerable<T> Default<T>(IEnumerable<(T Item, VersionCandidate Candidate)> matches, bool keepUnparsable)
    {
        var waiting = new List<(T Item, bool Unparsable)>();
        bool foundFinal = false;
        foreach (var (item, candidate) in matches)
        {
            if (candidate.Version is null)
            {
                if (!keepUnparsable) continue;
                if (foundFinal) yield return item;
                else waiting.Add((item, true));
            }
            else if (!candidate.Version.IsPrerelease)
            {
                if (!foundFinal)
                {
                    foundFinal = true;
                    foreach (var w in waiting)
                    {
                        if (w.Unparsable) yield return w.Item;
                    }
                }
                yield return item;
            }
            else if (!foundFinal)
            {
                waiting.Add((item, false));
            }
        }
        if (!foundFinal)
        {
            foreach (var w in waiting) yield return w.Item;
        }
    }
}
