using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Parsing;
using MLOpsLint.Core.Rules;
using Tomlyn.Model;

namespace MLOpsLint.Core.Configuration;

/// <summary>
/// Reads the scanner settings from TOML: <c>[tool.mlops-lint]</c> in pyproject.toml, or the top level
/// (or a <c>[tool.mlops-lint]</c> table) of mlops-lint.toml. Malformed TOML or a value of the wrong type
/// is a <see cref="ConfigException"/> naming file and line, and so is a rule id or family that matches no rule (as on
/// the command line: a mistyped <c>select</c> would otherwise run nothing and pass); unknown settings and rule options
/// are warnings.
/// </summary>
public static class ConfigParser
{
    private static readonly HashSet<string> KnownKeys = new(StringComparer.Ordinal)
    {
        "select", "ignore", "exclude", "extend-exclude", "per-file-ignores", "fail-level", "honor-bare-noqa",
        "severity", "rules", "max-file-size", "environments", "repository-kind", "scopes", "cache",
    };

    /// <summary>Returns null when a pyproject.toml has no <c>[tool.mlops-lint]</c> table.</summary>
    public static LintConfig? Parse(string text, string path, bool isPyProject, List<ScanDiagnostic> warnings)
    {
        if (!TomlText.TryParse(text, path, out var root, out var error))
        {
            throw new ConfigException(path, error!.Line, "invalid TOML: " + error.Message);
        }
        var table = TomlText.Table(root, "tool", "mlops-lint");
        // `[tool] mlops-lint = 5` (or a list): the user meant to configure the tool; ignoring it would scan unconfigured
        if (table == null && TomlText.Table(root, "tool") is { } tool && tool.ContainsKey("mlops-lint"))
        {
            throw TypeError(text, path, "mlops-lint", "a table ([tool.mlops-lint])");
        }
        if (table == null)
        {
            if (isPyProject) return null;
            table = root;
        }

        var select = Strings(table, "select", text, path);
        var ignore = Strings(table, "ignore", text, path);
        var exclude = Strings(table, "exclude", text, path).Concat(Strings(table, "extend-exclude", text, path)).ToArray();
        foreach (var selector in select.Concat(ignore))
        {
            CheckSelector(selector, "select/ignore", text, path);
        }

        var perFile = new List<(Glob, IReadOnlyList<string>)>();
        if (table.TryGetValue("per-file-ignores", out var pfi))
        {
            if (pfi is not TomlTable pfiTable) throw TypeError(text, path, "per-file-ignores", "a table of glob = [rule ids]");
            foreach (var kv in pfiTable.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                var ids = kv.Value switch
                {
                    string s => new[] { s },
                    TomlArray a => a.OfType<string>().ToArray(),
                    _ => throw TypeError(text, path, kv.Key, "a list of rule ids"),
                };
                foreach (var id in ids) CheckSelector(id, "per-file-ignores", text, path);
                perFile.Add((new Glob(kv.Key), ids));
            }
        }

        var severities = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        if (table.TryGetValue("severity", out var sev))
        {
            if (sev is not TomlTable sevTable) throw TypeError(text, path, "severity", "a table of rule id = \"warning\"");
            foreach (var kv in sevTable)
            {
                if (kv.Value is not string s || !SeverityNames.TryParse(s, out var level))
                {
                    throw TypeError(text, path, kv.Key, "one of none, suggestion, warning, error");
                }
                if (!RuleCatalog.TryGet(kv.Key, out var rule)) throw UnknownRule(text, path, kv.Key, "[severity]");
                severities[rule.Id] = level;
            }
        }

        var options = new Dictionary<string, RuleOptions>(StringComparer.OrdinalIgnoreCase);
        if (table.TryGetValue("rules", out var rules))
        {
            if (rules is not TomlTable rulesTable) throw TypeError(text, path, "rules", "a table of [rules.MLOxxx] tables");
            foreach (var kv in rulesTable)
            {
                if (!RuleCatalog.TryGet(kv.Key, out var rule)) throw UnknownRule(text, path, kv.Key, "[rules]");
                if (kv.Value is not TomlTable optTable) throw TypeError(text, path, kv.Key, "a table of options");
                foreach (var kv2 in optTable)
                {
                    string key = kv2.Key;
                    object value = kv2.Value!;
                    var option = rule.Options.FirstOrDefault(o => o.Name == key);
                    if (option == null)
                    {
                        var known = rule.Options.Count == 0 ? "it has no options" : "its options are " + string.Join(", ", rule.Options.Select(o => o.Name));
                        Warn(warnings, path, text, key, $"{rule.Id} has no option '{key}'; {known}");
                    }
                    else if (RuleOptionTypes.Mismatch(option, value) is { } expected)
                    {
                        throw new ConfigException(path, TomlText.LineOf(text, key), $"{rule.Id}'s option '{key}' must be {expected}");
                    }
                }
                options[rule.Id] = new RuleOptions(optTable.ToDictionary(k => k.Key, k => k.Value!, StringComparer.Ordinal));
            }
        }

        var failLevel = Severity.Warning;
        if (table.TryGetValue("fail-level", out var fl))
        {
            if (fl is not string s || !SeverityNames.TryParse(s, out failLevel) || failLevel == Severity.None)
            {
                throw TypeError(text, path, "fail-level", "one of suggestion, warning, error");
            }
        }

        bool bareNoqa = false;
        if (table.TryGetValue("honor-bare-noqa", out var hb))
        {
            bareNoqa = hb is bool b ? b : throw TypeError(text, path, "honor-bare-noqa", "true or false");
        }

        bool factCache = true;
        if (table.TryGetValue("cache", out var fc))
        {
            factCache = fc is bool b ? b : throw TypeError(text, path, "cache", "true or false");
        }

        long maxSize = 10 * 1000 * 1000;
        if (table.TryGetValue("max-file-size", out var ms))
        {
            if (ms is long l) maxSize = l;
            else if (ms is not string s || !Sizes.TryParse(s, out maxSize)) throw TypeError(text, path, "max-file-size", "a size like \"10MB\"");
            // 0 or less would skip every text file: a scan that judges nothing and passes
            if (maxSize <= 0) throw TypeError(text, path, "max-file-size", "a size above zero, like \"10MB\"");
        }

        var scopes = ParseScopes(table, text, path, warnings);

        var sections = new Dictionary<string, TomlTable>(StringComparer.OrdinalIgnoreCase);
        foreach (var kv in table)
        {
            if (!KnownKeys.Contains(kv.Key))
            {
                Warn(warnings, path, text, kv.Key, $"unknown setting '{kv.Key}' (known: {string.Join(", ", KnownKeys.OrderBy(k => k))})");
            }
            else if (kv.Value is TomlTable t && kv.Key == "environments")
            {
                sections[kv.Key] = t;
            }
        }

        return new LintConfig
        {
            SourcePath = path,
            Select = select,
            Ignore = ignore,
            Exclude = new GlobSet(exclude),
            ExcludePatterns = exclude,
            PerFileIgnores = perFile,
            SeverityOverrides = severities,
            RuleOptionsById = options,
            FailLevel = failLevel,
            HonorBareNoqa = bareNoqa,
            MaxTextFileSize = maxSize,
            FactCache = factCache,
            Sections = sections,
            Scopes = scopes,
        };
    }

    /// <summary><c>repository-kind = "library"</c> and <c>[scopes] examples = ["demos/**"]</c>.</summary>
    private static Scope.ScopeSettings ParseScopes(TomlTable table, string text, string path, List<ScanDiagnostic> warnings)
    {
        Scope.RepositoryKind? kind = null;
        if (table.TryGetValue("repository-kind", out var rk))
        {
            if (rk is not string s) throw TypeError(text, path, "repository-kind", "one of \"application\", \"library\", \"examples\", \"auto\"");
            if (Scope.RepositoryKinds.TryParse(s, out var k)) kind = k;
            else if (!s.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase))
            {
                throw TypeError(text, path, "repository-kind", "one of \"application\", \"library\", \"examples\", \"auto\"");
            }
        }
        var paths = new List<(Scope.FileScope, Glob)>();
        if (table.TryGetValue("scopes", out var sc))
        {
            if (sc is not TomlTable scopesTable) throw TypeError(text, path, "scopes", "a table of scope = [path globs]");
            foreach (var kv in scopesTable)
            {
                if (!Scope.FileScopes.TryParse(kv.Key, out var scope))
                {
                    Warn(warnings, path, text, kv.Key, $"unknown scope '{kv.Key}' in [scopes] (known: {string.Join(", ", Scope.FileScopes.Each.Select(Scope.FileScopes.Name))})");
                    continue;
                }
                var globs = kv.Value switch
                {
                    string g => new[] { g },
                    TomlArray a when a.All(x => x is string) => a.Cast<string>().ToArray(),
                    _ => throw TypeError(text, path, kv.Key, "a list of path globs"),
                };
                foreach (var g in globs) paths.Add((scope, new Glob(g)));
            }
        }
        return kind == null && paths.Count == 0 ? Scope.ScopeSettings.Empty : new Scope.ScopeSettings(kind, paths);
    }

    private static IReadOnlyList<string> Strings(TomlTable table, string key, string text, string path)
    {
        if (!table.TryGetValue(key, out var v)) return Array.Empty<string>();
        return v switch
        {
            string s => new[] { s },
            TomlArray a when a.All(x => x is string) => a.Cast<string>().ToArray(),
            _ => throw TypeError(text, path, key, "a list of strings"),
        };
    }

    private static void CheckSelector(string selector, string where, string text, string path)
    {
        if (!RuleCatalog.TryMatchSelector(selector, out _)) throw UnknownRule(text, path, selector, where);
    }

    /// <summary>The same words as the command line's (<c>--select</c>/<c>--ignore</c>), with the file and line.</summary>
    private static ConfigException UnknownRule(string text, string path, string selector, string where) =>
        new(path, TomlText.LineOf(text, selector) ?? FindQuoted(text, selector), $"{RuleCatalog.NoMatchMessage(selector)} ({where})");

    private static ConfigException TypeError(string text, string path, string key, string expected) =>
        new(path, TomlText.LineOf(text, key), $"'{key}' must be {expected}");

    private static void Warn(List<ScanDiagnostic> warnings, string path, string text, string key, string message)
    {
        int? line = TomlText.LineOf(text, key) ?? FindQuoted(text, key);
        warnings.Add(new ScanDiagnostic(ScanDiagnosticLevel.Warning, message, path, line));
    }

    private static int? FindQuoted(string text, string key)
    {
        int i = text.IndexOf(key, StringComparison.Ordinal);
        if (i < 0) return null;
        return text.Take(i).Count(c => c == '\n') + 1;
    }
}
