using MLOpsLint.Core.Checks.Seeds;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Structure;

namespace MLOpsLint.Core.Checks.Tracking;

/// <summary>
/// MLO703's part of one module: a lineage key given a literal value — a dict entry (<c>"git_sha": "abc123"</c>), a
/// keyword argument (<c>git_commit="abc123"</c>), an assignment (<c>GIT_SHA = "abc123"</c>, <c>meta["data_version"] = "v1"</c>)
/// or a tracker call (<c>mlflow.set_tag("mlflow.source.git.commit", "abc123")</c>). Nothing in a module that computes
/// its lineage anywhere (a git call, <c>rev-parse</c>, a helper named for the commit): a literal there is a fallback.
/// </summary>
internal static class LineageLiterals
{
    private static readonly WordSet CodeKeys = new(new[]
    {
        "git_sha", "git_commit", "git_hash", "git_rev", "git_revision", "git_commit_sha", "git_commit_hash", "git_commit_id", "git_version",
        "commit_sha", "commit_hash", "commit_id", "code_version", "source_commit", "mlflow_source_git_commit", "source_git_commit",
    });

    private static readonly WordSet DataKeys = new(new[]
    {
        "data_version", "dataset_version", "data_hash", "dataset_hash", "data_sha", "data_checksum", "dataset_checksum", "data_md5",
        "dataset_md5", "data_commit", "dataset_commit", "data_rev", "data_revision",
    });

    /// <summary>Values that say the lineage is unknown (a fallback), not a claim.</summary>
    private static readonly HashSet<string> Fallbacks = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "unknown", "none", "null", "n/a", "na", "unset", "undefined", "local", "dirty", "nogit", "no-git", "-", "?",
    };

    /// <summary>Words of a function name that say it works out a commit or a data hash (<c>get_git_sha</c>, <c>commitHash</c>,
    /// <c>file_md5</c>, <c>hexdigest</c>).</summary>
    private static readonly WordSet LineageWords = new(new[]
    {
        "git", "commit", "sha", "sha1", "sha256", "md5", "revision", "githash", "gitsha", "hexdigest", "checksum",
    });

    private static readonly HashSet<string> TagCalls = new(StringComparer.Ordinal) { "set_tag", "log_param", "log_text", "set_tags", "log_params" };

    public static LineageLiteral[] Of(PythonModule module, string[] names)
    {
        if (ComputesLineage(module, names)) return Array.Empty<LineageLiteral>();
        List<LineageLiteral>? result = null;
        var strings = module.StringLiterals;
        string text = module.Text;
        // dict entries: "key": "value" followed by , } or the end of the line
        for (int i = 0; i + 1 < strings.Count; i++)
        {
            var key = strings[i];
            if (key.IsFString) continue;
            int j = Skip(text, key.End);
            if (j >= text.Length || text[j] != ':') continue;
            if (Kind(LiteralText.ValueOf(key)) is not { } isData) continue;
            var value = strings[i + 1];
            if (Skip(text, j + 1) != value.Start || !Accept(value)) continue;
            int after = Skip(text, value.End);
            if (after < text.Length && text[after] is not (',' or '}' or '\n' or '\r' or '#')) continue;
            Add(ref result, module, key.Value, value, isData, key.Start, value.End);
        }
        var calls = module.Calls;
        for (int i = 0; i < calls.Count; i++)
        {
            var c = calls[i];
            for (int n = 0; n < c.ArgumentCount; n++)
            {
                // the argument's name first, from the parser's table: most calls have no keyword named for lineage
                ref readonly var info = ref c.ArgumentInfo(n);
                if (info.Name == null || Kind(info.Name.AsSpan()) is not { } isData || info.Literal != PyLiteralKind.String || info.LiteralCount != 1) continue;
                var a = c.Arguments[n];
                if (!Accept(a.StringLiterals[0])) continue;
                Add(ref result, module, info.Name, a.StringLiterals[0], isData, a.Start, a.End);
            }
            if (TagCalls.Contains(names[i]) && c.Positional(0) is { Literal: PyLiteralKind.String } k && k.StringValue is { } keyText
                && Kind(keyText) is { } tagData && c.Positional(1) is { Literal: PyLiteralKind.String, StringLiterals.Count: 1 } v && Accept(v.StringLiterals[0]))
            {
                Add(ref result, module, keyText, v.StringLiterals[0], tagData, c.Start, c.End);
            }
        }
        foreach (var a in module.Assignments)
        {
            string? name = a.SubscriptKey ?? a.TargetName;
            if (name == null || Kind(name) is not { } isData || a.ValueLiteral != PyLiteralKind.String || a.StringLiterals.Count != 1) continue;
            if (!Accept(a.StringLiterals[0])) continue;
            Add(ref result, module, name, a.StringLiterals[0], isData, a.Start, a.End);
        }
        return result?.OrderBy(l => l.Site.Start).ToArray() ?? Array.Empty<LineageLiteral>();
    }

    private static void Add(ref List<LineageLiteral>? result, PythonModule module, string key, PyStringLiteral value, bool isData, int start, int end)
    {
        result ??= new();
        if (result.Any(r => r.Site.Start <= start && start < r.Site.Start + 1)) return;
        var node = value; // located on the whole construct, reported on its first line
        var location = module.Locate(start, Math.Max(start + 1, Math.Min(end, value.End)));
        result.Add(new LineageLiteral(key, node.Value, isData,
            new SeedSite(start, false, location.Span, module.IsNotebook ? location.SourceLine : null, location.LocationHint)));
    }

    private static int Skip(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        return i;
    }

    /// <summary>true for a data key, false for a code key, null for neither (<c>git-sha</c>, <c>Git SHA</c> and
    /// <c>mlflow.source.git.commit</c> normalise to the same key).</summary>
    internal static bool? Kind(ReadOnlySpan<char> key)
    {
        if (key.Length < 6 || key.Length > 40) return null;
        Span<char> chars = stackalloc char[key.Length];
        for (int i = 0; i < key.Length; i++)
        {
            char ch = char.ToLowerInvariant(key[i]);
            chars[i] = char.IsLetterOrDigit(ch) ? ch : '_';
        }
        ReadOnlySpan<char> k = ((ReadOnlySpan<char>)chars).Trim('_');
        if (CodeKeys.Contains(k)) return false;
        if (DataKeys.Contains(k)) return true;
        return null;
    }

    private static bool Accept(PyStringLiteral value)
    {
        if (value.IsFString || value.IsBytes) return false;
        string v = value.Value.Trim();
        if (Fallbacks.Contains(v) || v.Length > 80) return false;
        return v.IndexOfAny(new[] { '{', '}', '$', '%', '<', '>' }) < 0;
    }

    /// <summary>A git call, <c>rev-parse</c> or <c>describe</c>, GitPython, or a call named for the commit or the data
    /// hash: the module works its lineage out, and a literal in it is a default or a fallback.</summary>
    private static bool ComputesLineage(PythonModule module, string[] names)
    {
        foreach (var s in module.StringLiterals)
        {
            var v = LiteralText.ValueOf(s);
            if (v.SequenceEqual("rev-parse".AsSpan()) || v.SequenceEqual("git".AsSpan())
                || v.IndexOf("git rev-parse".AsSpan(), StringComparison.Ordinal) >= 0 || v.IndexOf("git describe".AsSpan(), StringComparison.Ordinal) >= 0) return true;
        }
        var calls = module.Calls;
        for (int i = 0; i < calls.Count; i++)
        {
            string q = calls[i].QualifiedName;
            if (q.StartsWith("git.", StringComparison.Ordinal) || q.StartsWith("pygit2.", StringComparison.Ordinal) || q.StartsWith("dvc.", StringComparison.Ordinal)) return true;
            if (NamesLineage(names[i])) return true;
        }
        return false;
    }

    /// <summary>A lower-case word of a snake_case or camelCase name (split at '_' and where a lower-case letter meets an
    /// upper-case one) is one of <see cref="LineageWords"/>.</summary>
    private static bool NamesLineage(string name)
    {
        int start = 0;
        for (int i = 1; i <= name.Length; i++)
        {
            if (i == name.Length || name[i] == '_' || char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
            {
                if (i > start && LineageWords.ContainsLowered(name.AsSpan(start, i - start).Trim('_'))) return true;
                start = i;
            }
        }
        return false;
    }
}
