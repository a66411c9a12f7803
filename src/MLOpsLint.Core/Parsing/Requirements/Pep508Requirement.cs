using MLOpsLint.Core.Versioning.Pep440;

namespace MLOpsLint.Core.Parsing.Requirements;

/// <summary>
/// A PEP 508 dependency specifier (<c>name[extra1,extra2] (&gt;=1.0,&lt;2) ; python_version &lt; "3.11"</c> or
/// <c>name @ https://… ; marker</c>), with the offsets of its parts inside <see cref="Text"/>, so callers can
/// map them to document positions.
/// </summary>
public sealed class Pep508Requirement
{
    internal Pep508Requirement(string text) => Text = text;

    /// <summary>The text that was parsed.</summary>
    public string Text { get; }

    private string name = "";
    private string? normalizedName;

    public string Name
    {
        get => name;
        internal set
        {
            name = value;
            normalizedName = null;
        }
    }

    /// <summary>PEP 503 normalised name: lower case, runs of <c>-_.</c> as one <c>-</c> (made once: the checks ask for it
    /// several times per requirement).</summary>
    public string NormalizedName => normalizedName ??= NormalizeName(Name);

    public int NameStart { get; internal set; }

    public int NameEnd { get; internal set; }

    public IReadOnlyList<string> Extras { get; internal set; } = Array.Empty<string>();

    /// <summary>The version specifier as written (without parentheses); empty when none.</summary>
    public string SpecifierText { get; internal set; } = "";

    public int SpecifierStart { get; internal set; }

    public int SpecifierEnd { get; internal set; }

    /// <summary>The parsed specifier set; <see cref="Pep440SpecifierSet.Empty"/> when none was written.</summary>
    public Pep440SpecifierSet Specifiers { get; internal set; } = Pep440SpecifierSet.Empty;

    /// <summary>Direct reference (<c>name @ URL</c>), or null.</summary>
    public string? Url { get; internal set; }

    public int UrlStart { get; internal set; }

    public string? Marker { get; internal set; }

    /// <summary>True when some clause is <c>==V</c> (no wildcard) or <c>===V</c>.</summary>
    public bool IsExactPin => Specifiers.IsExactPin;

    /// <summary>True when a version constraint of any kind is written.</summary>
    public bool HasVersion => Specifiers.Specifiers.Count > 0;

    public static string NormalizeName(string name)
    {
        if (IsNormalized(name)) return name;
        var sb = new System.Text.StringBuilder(name.Length);
        bool sep = false;
        foreach (char c in name)
        {
            if (c == '-' || c == '_' || c == '.')
            {
                sep = true;
                continue;
            }
            if (sep && sb.Length > 0) sb.Append('-');
            sep = false;
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>True when <see cref="NormalizeName"/> would give <paramref name="name"/> back unchanged: no upper case,
    /// separators only as single '-' between other characters.</summary>
    private static bool IsNormalized(string name)
    {
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c == '_' || c == '.') return false;
            if (c == '-')
            {
                if (i == 0 || i == name.Length - 1 || name[i + 1] is '-' or '_' or '.') return false;
                continue;
            }
            if (char.ToLowerInvariant(c) != c) return false;
        }
        return true;
    }

    public override string ToString() => Text;

    /// <summary>Parses a PEP 508 requirement; never throws. <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string text, out Pep508Requirement requirement, out string? error)
    {
        requirement = new Pep508Requirement(text);
        error = null;
        int i = 0, n = text.Length;
        SkipWs(text, ref i);
        int nameStart = i;
        if (i >= n || !char.IsLetterOrDigit(text[i]))
        {
            error = "expected a package name";
            return false;
        }
        while (i < n && (char.IsLetterOrDigit(text[i]) || text[i] == '-' || text[i] == '_' || text[i] == '.')) i++;
        int nameEnd = i;
        while (nameEnd > nameStart && !char.IsLetterOrDigit(text[nameEnd - 1])) nameEnd--;
        i = nameEnd;
        requirement.Name = text.Substring(nameStart, nameEnd - nameStart);
        requirement.NameStart = nameStart;
        requirement.NameEnd = nameEnd;
        SkipWs(text, ref i);
        if (i < n && text[i] == '[')
        {
            int close = text.IndexOf(']', i);
            if (close < 0)
            {
                error = "unclosed '[' in extras";
                return false;
            }
            requirement.Extras = text.Substring(i + 1, close - i - 1)
                .Split(',').Select(e => e.Trim()).Where(e => e.Length > 0).ToArray();
            i = close + 1;
            SkipWs(text, ref i);
        }
        if (i < n && text[i] == '@')
        {
            i++;
            SkipWs(text, ref i);
            int urlStart = i;
            while (i < n && !char.IsWhiteSpace(text[i])) i++;
            if (i == urlStart)
            {
                error = "expected a URL after '@'";
                return false;
            }
            requirement.Url = text.Substring(urlStart, i - urlStart);
            requirement.UrlStart = urlStart;
            SkipWs(text, ref i);
            if (i < n && text[i] != ';')
            {
                error = "expected ';' before the environment marker after a URL";
                return false;
            }
        }
        else
        {
            int specStart = i;
            bool paren = i < n && text[i] == '(';
            if (paren)
            {
                int close = text.IndexOf(')', i);
                if (close < 0)
                {
                    error = "unclosed '(' in version specifier";
                    return false;
                }
                specStart = i + 1;
                i = close;
            }
            else
            {
                while (i < n && text[i] != ';') i++;
            }
            int specEnd = i;
            while (specEnd > specStart && char.IsWhiteSpace(text[specEnd - 1])) specEnd--;
            while (specStart < specEnd && char.IsWhiteSpace(text[specStart])) specStart++;
            if (paren) i++;
            string spec = text.Substring(specStart, specEnd - specStart);
            requirement.SpecifierText = spec;
            requirement.SpecifierStart = specStart;
            requirement.SpecifierEnd = specEnd;
            if (spec.Length > 0)
            {
                if (!Pep440SpecifierSet.TryParse(spec, out var set))
                {
                    error = $"invalid version specifier '{spec}'";
                    return false;
                }
                requirement.Specifiers = set;
            }
            SkipWs(text, ref i);
        }
        if (i < n && text[i] == ';')
        {
            requirement.Marker = text.Substring(i + 1).Trim();
            i = n;
        }
        SkipWs(text, ref i);
        if (i < n)
        {
            error = $"unexpected '{text.Substring(i)}'";
            return false;
        }
        return true;
    }

    private static void SkipWs(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
    }
}
