using MLOpsLint.Core.Configuration;

namespace MLOpsLint.Core.Checks.Dependencies;

/// <summary>How strictly an action owner's <c>uses:</c> references must be pinned (zizmor's <c>unpinned-uses</c> policies).</summary>
public enum ActionPin
{
    /// <summary>Only a full commit SHA: a tag is MLO208, a branch or no ref MLO207.</summary>
    HashPin,

    /// <summary>A version tag is enough (MLO208 is silent); a branch or no ref is still MLO207.</summary>
    RefPin,

    /// <summary>Anything goes: neither MLO207 nor MLO208 (your own organisation's actions).</summary>
    Any,
}

/// <summary>
/// The per-owner pin policy of MLO207/MLO208, read from MLO208's <c>policies</c> option on top of the defaults: GitHub's
/// own actions (<c>actions/*</c>, <c>github/*</c>, <c>dependabot/*</c>) and the scanned repository's own owner's may be pinned
/// to a tag, everything else needs a commit SHA. Patterns as zizmor writes them: <c>owner/repo</c> (or <c>owner/repo/path</c>) exactly, <c>owner/repo/*</c>,
/// <c>owner/*</c>, <c>*</c>; the most specific match wins, and a user's pattern replaces a default one.
/// </summary>
public sealed class ActionPinPolicy
{
    public static readonly IReadOnlyList<(string Pattern, ActionPin Pin)> Defaults = new[]
    {
        ("actions/*", ActionPin.RefPin), ("github/*", ActionPin.RefPin), ("dependabot/*", ActionPin.RefPin), ("*", ActionPin.HashPin),
    };

    private readonly List<(string Pattern, ActionPin Pin)> policies;

    private ActionPinPolicy(List<(string, ActionPin)> policies, IReadOnlyList<string> problems)
    {
        this.policies = policies;
        Problems = problems;
    }

    public static ActionPinPolicy Default { get; } = new(Defaults.ToList(), Array.Empty<string>());

    /// <summary>Values that are not a policy or patterns that are not one, in words, for a scan warning.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <param name="repositoryOwner">The scanned repository's GitHub owner when known: its own actions and reusable workflows
    /// (<c>owner/*</c>) may be pinned to a tag by default, as GitHub's are — the owner moves its own tags, and a SHA pin
    /// would only guard against itself. A user's pattern for that owner still wins.</param>
    /// <param name="formerOwners">Other owners under which the repository's own metadata names it (a transferred repository's
    /// former organisations, a fork's upstream: <see cref="Scope.SelfLinks"/>): their actions are the project's own too.</param>
    public static ActionPinPolicy From(RuleOptions options, string? repositoryOwner = null, IEnumerable<string>? formerOwners = null)
    {
        var map = options.GetStringMap("policies");
        var owners = new[] { repositoryOwner }.Concat(formerOwners ?? Array.Empty<string>())
            .Where(o => o is { Length: > 0 } && IsPattern(o + "/*")).Select(o => o!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (map.Count == 0 && owners.Count == 0) return Default;
        var list = Defaults.ToList();
        foreach (var o in owners) list.Insert(list.Count - 1, (o + "/*", ActionPin.RefPin));
        var problems = new List<string>();
        foreach (var (pattern, value) in map)
        {
            ActionPin? pin = value.Trim().ToLowerInvariant() switch
            {
                "hash-pin" => ActionPin.HashPin,
                "ref-pin" => ActionPin.RefPin,
                "any" => ActionPin.Any,
                _ => null,
            };
            string p = pattern.Trim();
            if (pin == null || !IsPattern(p))
            {
                problems.Add(pin == null
                    ? $"MLO208 policies: '{value}' for \"{pattern}\" is not a policy (hash-pin, ref-pin or any); the default applies"
                    : $"MLO208 policies: \"{pattern}\" is not a pattern (owner/repo, owner/repo/*, owner/* or *); it is ignored");
                continue;
            }
            list.RemoveAll(x => string.Equals(x.Pattern, p, StringComparison.OrdinalIgnoreCase));
            list.Add((p, pin.Value));
        }
        return new ActionPinPolicy(list, problems);
    }

    /// <summary>The policy for an action (<c>owner/repo</c> or <c>owner/repo/path</c>, no ref), and the pattern that gave it.</summary>
    public (ActionPin Pin, string Pattern) For(string action)
    {
        (ActionPin Pin, string Pattern) best = (ActionPin.HashPin, "*");
        int bestRank = 0;
        foreach (var (pattern, pin) in policies)
        {
            int rank = Rank(pattern, action);
            // later entries are the user's: they win a tie with a default
            if (rank > 0 && rank >= bestRank)
            {
                best = (pin, pattern);
                bestRank = rank;
            }
        }
        return best;
    }

    private static int Rank(string pattern, string action)
    {
        if (pattern == "*") return 1;
        if (pattern.EndsWith("/*", StringComparison.Ordinal))
        {
            string prefix = pattern.Substring(0, pattern.Length - 2);
            bool match = action.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase) || string.Equals(action, prefix, StringComparison.OrdinalIgnoreCase);
            if (!match) return 0;
            return prefix.Contains('/') ? 3 : 2;
        }
        return string.Equals(pattern, action, StringComparison.OrdinalIgnoreCase) ? 4 : 0;
    }

    private static bool IsPattern(string p) =>
        p == "*" || (p.Length > 2 && !p.StartsWith("/", StringComparison.Ordinal) && !p.Contains('@') && !p.Contains(' ')
            && (p.EndsWith("/*", StringComparison.Ordinal) ? !p.Substring(0, p.Length - 2).Contains('*') : p.Contains('/') && !p.Contains('*')));
}
