namespace MLOpsLint.Core.Paths;

/// <summary>What makes a path machine-specific.</summary>
public enum HardcodedPathKind
{
    /// <summary>MLO501: inside one person's home directory.</summary>
    UserHome,
    /// <summary>MLO502: on a mount that exists only on one platform or machine (Colab, Kaggle, Databricks, /mnt, /Volumes…).</summary>
    Mount,
    /// <summary>MLO503: a Windows drive-letter path outside the user folders.</summary>
    DriveLetter,
}

/// <summary>A hardcoded path inside a string: offsets in the string, the kind, and the platform it belongs to.</summary>
public readonly record struct PathHit(int Start, int End, HardcodedPathKind Kind, string Platform, string Path);

/// <summary>
/// Finds absolute, machine-specific paths in a string value: user homes (<c>/home/NAME/</c>, <c>/Users/NAME/</c>, <c>/root/…</c>,
/// <c>C:\Users\NAME\</c>, <c>~NAME/</c>), platform mounts (<c>/content/drive</c>, <c>/kaggle/input</c>, <c>/dbfs</c>,
/// <c>dbfs:/</c>, <c>/Workspace/Users</c>, <c>/mnt/…</c>, <c>/Volumes/…</c>, <c>/media/NAME</c>) and drive letters
/// (<c>D:\data\…</c>). A path must start the value or follow a separator (space, <c>=</c>, quote, bracket, comma),
/// so URL paths (<c>https://host/home/x</c>) and remote paths (<c>host:/home/x</c>) are not paths here. Templates
/// (<c>/home/{user}/</c>, <c>/home/%s/</c>, <c>/home/$USER/</c>) and placeholder names (<c>/home/user/</c>,
/// <c>/Users/yourname/</c>) are not reported; system locations (<c>/usr</c>, <c>/etc</c>, <c>/tmp</c>,
/// <c>C:\Windows</c>, <c>C:\Program Files</c>) never match.
/// </summary>
public static class HardcodedPathFinder
{
    private static readonly HashSet<string> PlaceholderUsers = new(StringComparer.OrdinalIgnoreCase)
    {
        "user", "username", "user_name", "yourname", "your_name", "your-name", "yourusername", "your_username",
        "your-username", "you", "me", "name", "someone", "somebody", "foo", "bar", "example", "myuser", "my_user",
        "USER", "USERNAME", "xxx", "xxxx", "jdoe", "johndoe", "john_doe", "janedoe", "jane_doe",
        "shared", "public", "default", "all users", "default user", "guest",
        // container and CI images' standard users: the path is the image's, not one person's machine
        "runner", "jovyan", "vscode", "hadoop", "test", "testuser", "test_user", "node", "app", "appuser", "docker", "linuxbrew", "travis", "circleci", "codespace", "gitpod",
    };

    private static readonly string[] WindowsSystemFolders =
    {
        "windows", "program files", "program files (x86)", "programdata", "msys64", "cygwin", "cygwin64", "python",
        "tools", "hostedtoolcache", "strawberry", "perl", "$recycle.bin",
    };

    /// <summary>Appends the paths found in <paramref name="value"/>.</summary>
    public static void Find(string value, List<PathHit> hits)
    {
        if (value.Length < 4 || value.Length > 4096) return;
        bool prose = CountSpaces(value) > 6; // a sentence (help text, a message) mentions paths; only one that starts the value counts
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c != '/' && c != '~' && c != 'd' && !(CharSets(c) && i + 2 < value.Length && value[i + 1] == ':')) continue;
            if (!AtBoundary(value, i)) continue;
            if (prose && i > 0) continue;
            int end = PathEnd(value, i);
            if (end - i < 4) continue;
            string path = value.Substring(i, end - i);
            if (Classify(path) is { } hit)
            {
                hits.Add(new PathHit(i, end, hit.Kind, hit.Platform, path));
                i = end;
            }
        }
    }

    public static List<PathHit> Find(string value)
    {
        var list = new List<PathHit>();
        Find(value, list);
        return list;
    }

    private static int CountSpaces(string v)
    {
        int n = 0;
        foreach (char c in v)
        {
            if (c == ' ') n++;
        }
        return n;
    }

    private static bool CharSets(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

    private static bool AtBoundary(string v, int i)
    {
        if (i == 0) return true;
        char p = v[i - 1];
        if (p is ' ' or '\t' or '\n' or '=' or '"' or '\'' or '(' or '[' or ',' or ';' or '`' or '{' or '>' or '|') return true;
        // file:///home/alice/…
        return i >= 7 && p == '/' && string.CompareOrdinal(v, i - 7, "file://", 0, 7) == 0;
    }

    private static int PathEnd(string v, int i)
    {
        int k = i;
        int limit = Math.Min(v.Length, i + 1024);
        while (k < limit)
        {
            char c = v[k];
            if (c is '\n' or '\r' or '\t' or '"' or '\'' or '`' or ',' or ';' or '|' or '<' or '>' or ')' or ']' or '*' or '?') break;
            if (c == ' ' && !ContinuesWindowsPath(v, i, k)) break;
            k++;
        }
        while (k > i && (v[k - 1] == '.' || v[k - 1] == ':' || v[k - 1] == ' ')) k--;
        return k;
    }

    /// <summary>A space inside a folder name ("Program Files", "My Drive"): the next word reaches another separator.</summary>
    private static bool ContinuesWindowsPath(string v, int start, int k)
    {
        int j = k + 1;
        while (j < v.Length && v[j] != ' ' && v[j] != '"' && v[j] != '\'' && v[j] != '\n')
        {
            if (v[j] == '\\' || v[j] == '/') return j > k + 1;
            j++;
        }
        return false;
    }

    internal static (HardcodedPathKind Kind, string Platform)? Classify(string path)
    {
        string p = path.Replace('\\', '/');
        if (Segment(p, "/home/", out string? user) && IsRealUser(user)) return (HardcodedPathKind.UserHome, "Linux home directory");
        if (Segment(p, "/Users/", out user) && IsRealUser(user) && !p.StartsWith("/Users/Shared", StringComparison.Ordinal)) return (HardcodedPathKind.UserHome, "macOS home directory");
        if (p.Length > 3 && p[1] == ':' && p[2] == '/' && CharSets(p[0]))
        {
            string rest = p.Substring(3);
            if (rest.StartsWith("Users/", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("Documents and Settings/", StringComparison.OrdinalIgnoreCase))
            {
                int slash = rest.IndexOf('/');
                string after = rest.Substring(slash + 1);
                int next = after.IndexOf('/');
                string name = next < 0 ? after : after.Substring(0, next);
                if (IsRealUser(name) && next > 0) return (HardcodedPathKind.UserHome, "Windows user profile");
                return null;
            }
            int seg = rest.IndexOf('/');
            string first = seg < 0 ? rest : rest.Substring(0, seg);
            if (first.Length < 2 || !first.Any(char.IsLetterOrDigit) || WindowsSystemFolders.Contains(first.ToLowerInvariant()) || IsTemplate(first)) return null;
            if (!first.All(ch => char.IsLetterOrDigit(ch) || ch is '_' or '-' or '.' or ' ' or '(' or ')')) return null;
            if (seg < 0 && first.IndexOf('.') < 0) return null; // "D:/data" alone: keep to paths with a file or a sub-folder
            return (HardcodedPathKind.DriveLetter, "Windows drive " + char.ToUpperInvariant(p[0]) + ":");
        }
        if (p[0] == '~' && p.Length > 2 && CharSets(p[1]))
        {
            int slash = p.IndexOf('/');
            string name = slash < 0 ? p.Substring(1) : p.Substring(1, slash - 1);
            if (slash > 0 && name.All(ch => char.IsLetterOrDigit(ch) || ch is '_' or '-' or '.') && IsRealUser(name)) return (HardcodedPathKind.UserHome, "home directory of user " + name);
            return null;
        }
        if (Segment(p, "/root/", out string? rootFolder) && IsRootProjectPath(p, rootFolder!)) return (HardcodedPathKind.UserHome, "root's home directory (Colab, Kaggle and containers run as root)");
        if (IsBareRoot(p)) return null; // os.path.exists("/kaggle/input"): detecting the platform, not depending on it
        if (p.StartsWith("/content/drive", StringComparison.Ordinal) || p.StartsWith("/content/gdrive", StringComparison.Ordinal)) return (HardcodedPathKind.Mount, "Google Drive mounted in Colab");
        if (p.StartsWith("/content/", StringComparison.Ordinal) && p.Length > 9) return (HardcodedPathKind.Mount, "Colab runtime");
        if (p.StartsWith("/kaggle/input", StringComparison.Ordinal) || p.StartsWith("/kaggle/working", StringComparison.Ordinal) || p.StartsWith("/kaggle/temp", StringComparison.Ordinal)) return (HardcodedPathKind.Mount, "Kaggle notebook");
        if (p.StartsWith("/dbfs/", StringComparison.Ordinal) || p.StartsWith("dbfs:/", StringComparison.Ordinal)) return (HardcodedPathKind.Mount, "Databricks DBFS");
        if (p.StartsWith("/Workspace/Users/", StringComparison.Ordinal) || p.StartsWith("/Workspace/Repos/", StringComparison.Ordinal)) return (HardcodedPathKind.Mount, "Databricks workspace");
        if (Segment(p, "/mnt/", out string? mount) && IsRealName(mount)) return (HardcodedPathKind.Mount, "/mnt mount");
        if (Segment(p, "/Volumes/", out string? volume) && IsRealName(volume)) return (HardcodedPathKind.Mount, volume!.Length > 0 && p.Split('/').Length >= 5 && !p.Contains(".") ? "mounted volume (macOS disk or Databricks Unity Catalog volume)" : "mounted volume");
        if (Segment(p, "/media/", out string? media) && IsRealUser(media) && p.Length > 8 + media!.Length) return (HardcodedPathKind.Mount, "removable media mount");
        if (p.StartsWith("/gpfs/", StringComparison.Ordinal) || p.StartsWith("/lustre/", StringComparison.Ordinal)) return (HardcodedPathKind.Mount, "cluster file system");
        return null;
    }

    private static readonly string[] MountRoots =
    {
        "/content", "/content/drive", "/content/drive/MyDrive", "/content/drive/My Drive", "/content/gdrive", "/kaggle", "/kaggle/input",
        "/kaggle/working", "/kaggle/temp", "/dbfs", "dbfs:", "dbfs:/", "/Workspace", "/Workspace/Users", "/Workspace/Repos", "/gpfs", "/lustre",
        "/mnt", "/Volumes", "/media",
    };

    private static bool IsBareRoot(string p)
    {
        string t = p.TrimEnd('/');
        if (t.Length == 0) t = p;
        foreach (var r in MountRoots)
        {
            if (string.Equals(t, r, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary><c>/home/NAME/…</c>: the NAME segment, required to be followed by more path or to end the value.</summary>
    private static bool Segment(string p, string prefix, out string? name)
    {
        name = null;
        if (!p.StartsWith(prefix, StringComparison.Ordinal)) return false;
        int start = prefix.Length;
        int slash = p.IndexOf('/', start);
        name = slash < 0 ? p.Substring(start) : p.Substring(start, slash - start);
        return name.Length > 0;
    }

    /// <summary><c>/root/docker_data/model.bin</c>, <c>/root/train.csv</c>: a project's files in root's home. Tools' own folders
    /// there (<c>/root/.cache</c>, <c>/root/.kaggle</c>, <c>/root/.ssh</c>) are where those tools look on every machine that runs
    /// as root, and a bare folder name (<c>/root/data</c>) with nothing below it is not reported.</summary>
    private static bool IsRootProjectPath(string p, string folder)
    {
        if (folder.StartsWith(".", StringComparison.Ordinal) || !IsRealName(folder)) return false;
        bool deeper = p.Length > 6 + folder.Length + 1 && p[6 + folder.Length] == '/';
        return deeper || folder.IndexOf('.') > 0;
    }

    private static bool IsTemplate(string s) => s.IndexOfAny(new[] { '{', '}', '%', '$', '<', '>', '*', '[' }) >= 0;

    private static bool IsRealName(string? s) => !string.IsNullOrEmpty(s) && !IsTemplate(s!) && s!.Any(char.IsLetterOrDigit);

    private static bool IsRealUser(string? user)
    {
        if (!IsRealName(user)) return false;
        if (PlaceholderUsers.Contains(user!)) return false;
        if (user!.StartsWith("your", StringComparison.OrdinalIgnoreCase) || user.StartsWith("my_", StringComparison.OrdinalIgnoreCase)
            || user.Equals("...", StringComparison.Ordinal) || user.All(ch => ch == 'x' || ch == 'X' || ch == '.')) return false;
        return user.All(ch => char.IsLetterOrDigit(ch) || ch is '_' or '-' or '.' or ' ' or '@');
    }
}
