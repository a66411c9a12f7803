namespace MLOpsLint.Core.Parsing.Shell;

public enum Installer
{
    /// <summary><c>pip install</c>, <c>pip3 install</c>, <c>python -m pip install</c>.</summary>
    Pip,
    /// <summary><c>uv pip install</c> (and <c>uv pip sync</c>, which only takes files).</summary>
    UvPip,
    /// <summary><c>conda</c>, <c>mamba</c>, <c>micromamba</c> <c>install</c>/<c>create</c>.</summary>
    Conda,
    /// <summary><c>apt-get install</c> / <c>apt install</c>.</summary>
    Apt,
    /// <summary><c>apk add</c>.</summary>
    Apk,
    /// <summary><c>pipx install</c>: an application in its own virtual environment (pinned like pip's arguments).</summary>
    Pipx,
}

/// <summary>
/// A package-installing command recognised in shell words: which installer, the package arguments, the
/// requirement/constraint/environment files it reads, and the flags that matter for pinning.
/// Shared by the Dockerfile, shell-script and notebook checks.
/// </summary>
public sealed class InstallCommand
{
    public InstallCommand(Installer installer, ShellWord tool)
    {
        Installer = installer;
        Tool = tool;
    }

    public Installer Installer { get; }

    /// <summary>The word naming the tool (<c>pip3</c>, <c>python</c>, <c>uv</c>, <c>conda</c>…), for messages.</summary>
    public ShellWord Tool { get; }

    /// <summary>Package arguments (requirement specifiers, URLs, paths), in order.</summary>
    public List<ShellWord> Packages { get; } = new();

    /// <summary><c>-r FILE</c> / <c>--requirement FILE</c>.</summary>
    public List<ShellWord> RequirementFiles { get; } = new();

    /// <summary><c>-c FILE</c> / <c>--constraint FILE</c> (and uv's <c>--override FILE</c>).</summary>
    public List<ShellWord> ConstraintFiles { get; } = new();

    /// <summary><c>-e X</c> / <c>--editable X</c>.</summary>
    public List<ShellWord> Editables { get; } = new();

    /// <summary>conda <c>--file FILE</c> / <c>-f FILE</c> of <c>conda env create</c>/<c>update</c>.</summary>
    public List<ShellWord> EnvironmentFiles { get; } = new();

    public bool Upgrade { get; set; }

    public bool RequireHashes { get; set; }

    private IReadOnlyList<ShellWord>? displayWords;
    private string? displayText;

    /// <summary>The command line as written (words joined), for messages: joined when first asked for (a Dockerfile RUN of
    /// 100,000 continued lines is parsed by several checks, and none of them asks).</summary>
    public string DisplayText
    {
        get => displayText ??= displayWords == null ? "" : string.Join(" ", displayWords.Select(w => w.Value));
        set => displayText = value;
    }

    /// <summary>The words <see cref="DisplayText"/> joins.</summary>
    internal IReadOnlyList<ShellWord> DisplayWords
    {
        set => displayWords = value;
    }
}

/// <summary>Recognises installer invocations in a <see cref="ShellCommand"/>'s words.</summary>
public static class InstallCommandParser
{
    // Options that take a value, per installer family (short and long forms). A long option may also be
    // written --name=value, a short one -xVALUE.
    private static readonly HashSet<string> PipValueOptions = new(StringComparer.Ordinal)
    {
        "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url",
        "-f", "--find-links", "-t", "--target", "--prefix", "--root", "--src", "--platform", "--python-version",
        "--implementation", "--abi", "--progress-bar", "--no-binary", "--only-binary", "--trusted-host",
        "--cache-dir", "--log", "--log-file", "--proxy", "--retries", "--timeout", "--exists-action", "--cert",
        "--client-cert", "--upgrade-strategy", "--global-option", "--install-option", "--config-settings", "-C",
        "--report", "--python", "--root-user-action", "--use-feature", "--use-deprecated", "--keyring-provider",
        "--group", "-p", "--index", "--default-index", "--index-strategy", "--extra", "--override", "--overrides",
        "--resolution", "--prerelease", "--link-mode", "--compile-bytecode-timeout", "--exclude-newer",
        "--build-constraint", "--build-constraints", "-b", "--python-platform", "--torch-backend", "--refresh-package",
        "--reinstall-package", "--upgrade-package", "-P", "--no-build-package", "--no-binary-package", "--config-file",
        "--cache-dir", "--directory", "--project", "--color", "--pip-args", "--suffix",
    };

    private static readonly HashSet<string> CondaValueOptions = new(StringComparer.Ordinal)
    {
        "-n", "--name", "-p", "--prefix", "-c", "--channel", "--file", "-f", "--solver", "--repodata-fn",
        "--experimental", "--platform", "--subdir", "--clone", "-r", "--root-prefix", "--rc-file", "--channel-priority",
        "--category", "--env", "--log-level", "--relocate-prefix",
    };

    private static readonly HashSet<string> AptValueOptions = new(StringComparer.Ordinal)
    {
        "-o", "--option", "-t", "--target-release", "--default-release", "-c", "--config-file",
    };

    private static readonly HashSet<string> ApkValueOptions = new(StringComparer.Ordinal)
    {
        "-t", "--virtual", "-X", "--repository", "--root", "-p", "--keys-dir", "--arch", "--cache-dir", "--repositories-file",
    };

    private static readonly HashSet<string> Wrappers = new(StringComparer.Ordinal)
    {
        "sudo", "env", "time", "nohup", "command", "exec", "nice", "xargs", "eatmydata",
    };

    /// <summary>Parses one command; null when it does not install packages.</summary>
    public static InstallCommand? Parse(ShellCommand command) => Parse(command.Words);

    /// <summary>Parses words of one simple command; null when it does not install packages.</summary>
    public static InstallCommand? Parse(IReadOnlyList<ShellWord> words)
    {
        int i = SkipPrefix(words, 0);
        if (i >= words.Count) return null;
        var tool = words[i];
        string name = BaseName(tool.Value);

        if (IsPip(name))
        {
            int sub = SkipGlobalOptions(words, i + 1, PipValueOptions);
            if (sub < words.Count && words[sub].Value == "install") return ParsePip(Installer.Pip, tool, words, sub + 1);
            return null;
        }
        if (IsPython(name))
        {
            int j = i + 1;
            while (j < words.Count && words[j].Value.StartsWith("-", StringComparison.Ordinal) && words[j].Value != "-m")
            {
                j++;
            }
            if (j + 1 < words.Count && words[j].Value == "-m" && (words[j + 1].Value == "pip" || words[j + 1].Value == "pip3"))
            {
                int sub = SkipGlobalOptions(words, j + 2, PipValueOptions);
                if (sub < words.Count && words[sub].Value == "install") return ParsePip(Installer.Pip, tool, words, sub + 1);
            }
            if (j + 1 < words.Count && words[j].Value == "-m" && words[j + 1].Value == "uv"
                && j + 3 < words.Count && words[j + 2].Value == "pip" && words[j + 3].Value == "install")
            {
                return ParsePip(Installer.UvPip, tool, words, j + 4);
            }
            return null;
        }
        if (name == "pipx")
        {
            int sub = SkipGlobalOptions(words, i + 1, PipValueOptions);
            if (sub < words.Count && words[sub].Value == "install") return ParsePip(Installer.Pipx, tool, words, sub + 1);
            return null;
        }
        if (name == "uv")
        {
            int sub = SkipGlobalOptions(words, i + 1, PipValueOptions);
            if (sub + 1 < words.Count && words[sub].Value == "pip" && words[sub + 1].Value == "install")
            {
                return ParsePip(Installer.UvPip, tool, words, sub + 2);
            }
            return null;
        }
        if (name is "conda" or "mamba" or "micromamba")
        {
            int sub = SkipGlobalOptions(words, i + 1, CondaValueOptions);
            if (sub >= words.Count) return null;
            string verb = words[sub].Value;
            if (verb == "env" && sub + 1 < words.Count && words[sub + 1].Value is "create" or "update")
            {
                return ParseConda(tool, words, sub + 2, envCommand: true);
            }
            if (verb is "install" or "create" or "update") return ParseConda(tool, words, sub + 1, envCommand: false);
            return null;
        }
        if (name is "apt-get" or "apt")
        {
            int sub = SkipGlobalOptions(words, i + 1, AptValueOptions);
            if (sub < words.Count && words[sub].Value == "install") return ParseSimple(Installer.Apt, tool, words, sub + 1, AptValueOptions);
            return null;
        }
        if (name == "apk")
        {
            int sub = SkipGlobalOptions(words, i + 1, ApkValueOptions);
            if (sub < words.Count && words[sub].Value == "add") return ParseSimple(Installer.Apk, tool, words, sub + 1, ApkValueOptions);
            return null;
        }
        return null;
    }

    public static bool IsPip(string name) =>
        name == "pip" || (name.StartsWith("pip", StringComparison.Ordinal) && name.Length > 3
            && name.Substring(3).All(c => char.IsDigit(c) || c == '.'));

    public static bool IsPython(string name) =>
        name == "python" || (name.StartsWith("python", StringComparison.Ordinal) && name.Length > 6
            && name.Substring(6).All(c => char.IsDigit(c) || c == '.'));

    private static string BaseName(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? path : path.Substring(slash + 1);
    }

    private static int SkipPrefix(IReadOnlyList<ShellWord> words, int i)
    {
        while (i < words.Count)
        {
            string v = words[i].Value;
            if (IsAssignment(v))
            {
                i++;
                continue;
            }
            string b = BaseName(v);
            if (Wrappers.Contains(b))
            {
                i++;
                // wrapper options: sudo -H -u user, env -i, nice -n 10, xargs -r
                while (i < words.Count && words[i].Value.StartsWith("-", StringComparison.Ordinal))
                {
                    string o = words[i].Value;
                    i++;
                    if ((b == "sudo" && (o == "-u" || o == "-g")) || (b == "nice" && o == "-n")) i++;
                }
                continue;
            }
            break;
        }
        return i;
    }

    private static bool IsAssignment(string v)
    {
        int eq = v.IndexOf('=');
        if (eq <= 0) return false;
        for (int k = 0; k < eq; k++)
        {
            char c = v[k];
            if (!(char.IsLetterOrDigit(c) || c == '_') || (k == 0 && char.IsDigit(c))) return false;
        }
        return true;
    }

    private static int SkipGlobalOptions(IReadOnlyList<ShellWord> words, int i, HashSet<string> valueOptions)
    {
        while (i < words.Count && words[i].Value.StartsWith("-", StringComparison.Ordinal))
        {
            string v = words[i].Value;
            i++;
            if (!v.Contains("=") && valueOptions.Contains(v)) i++;
        }
        return i;
    }

    private static InstallCommand ParsePip(Installer installer, ShellWord tool, IReadOnlyList<ShellWord> words, int i)
    {
        var cmd = new InstallCommand(installer, tool) { DisplayWords = words };
        for (; i < words.Count; i++)
        {
            var w = words[i];
            string v = w.Value;
            if (v == "--")
            {
                for (i++; i < words.Count; i++) cmd.Packages.Add(words[i]);
                break;
            }
            if (!v.StartsWith("-", StringComparison.Ordinal) || v == "-")
            {
                cmd.Packages.Add(w);
                continue;
            }
            if (v is "-U" or "--upgrade") { cmd.Upgrade = true; continue; }
            if (v == "--require-hashes") { cmd.RequireHashes = true; continue; }
            if (TakeValue(words, ref i, v, "-r", "--requirement", out var file)) { cmd.RequirementFiles.Add(file!); continue; }
            if (TakeValue(words, ref i, v, "-c", "--constraint", out file)) { cmd.ConstraintFiles.Add(file!); continue; }
            if (installer == Installer.UvPip && TakeValue(words, ref i, v, null, "--override", out file)) { cmd.ConstraintFiles.Add(file!); continue; }
            if (TakeValue(words, ref i, v, "-e", "--editable", out file)) { cmd.Editables.Add(file!); continue; }
            // Combined short flags such as -qU / -Uq.
            if (v.Length > 2 && v[0] == '-' && v[1] != '-' && v.Substring(1).All(char.IsLetter) && v.Contains("U"))
            {
                cmd.Upgrade = true;
                continue;
            }
            if (!v.Contains("=") && PipValueOptions.Contains(v)) i++;
        }
        return cmd;
    }

    private static InstallCommand ParseConda(ShellWord tool, IReadOnlyList<ShellWord> words, int i, bool envCommand)
    {
        var cmd = new InstallCommand(Installer.Conda, tool) { DisplayWords = words };
        for (; i < words.Count; i++)
        {
            var w = words[i];
            string v = w.Value;
            if (!v.StartsWith("-", StringComparison.Ordinal))
            {
                if (!envCommand) cmd.Packages.Add(w);
                continue;
            }
            if (TakeValue(words, ref i, v, envCommand ? "-f" : null, "--file", out var file)) { cmd.EnvironmentFiles.Add(file!); continue; }
            if (!v.Contains("=") && CondaValueOptions.Contains(v)) i++;
        }
        return cmd;
    }

    private static InstallCommand ParseSimple(Installer installer, ShellWord tool, IReadOnlyList<ShellWord> words, int i, HashSet<string> valueOptions)
    {
        var cmd = new InstallCommand(installer, tool) { DisplayWords = words };
        for (; i < words.Count; i++)
        {
            var w = words[i];
            string v = w.Value;
            if (!v.StartsWith("-", StringComparison.Ordinal))
            {
                cmd.Packages.Add(w);
                continue;
            }
            if (!v.Contains("=") && valueOptions.Contains(v)) i++;
        }
        return cmd;
    }

    /// <summary>Reads <c>-r FILE</c>, <c>-rFILE</c>, <c>--requirement FILE</c> or <c>--requirement=FILE</c>.</summary>
    private static bool TakeValue(IReadOnlyList<ShellWord> words, ref int i, string v, string? shortName, string longName, out ShellWord? value)
    {
        value = null;
        if (v == longName || (shortName != null && v == shortName))
        {
            if (i + 1 < words.Count)
            {
                value = words[++i];
                return true;
            }
            return false;
        }
        if (v.StartsWith(longName + "=", StringComparison.Ordinal))
        {
            value = Tail(words[i], longName.Length + 1);
            return true;
        }
        if (shortName != null && v.Length > 2 && v.StartsWith(shortName, StringComparison.Ordinal) && v[1] != '-')
        {
            value = Tail(words[i], shortName.Length);
            return true;
        }
        return false;
    }

    private static ShellWord Tail(ShellWord w, int skip)
    {
        int start = w.IsQuoted ? w.Start : Math.Min(w.End, w.Start + skip);
        return new ShellWord(w.Value.Substring(skip), start, w.End, w.HasExpansion, w.IsQuoted);
    }
}
