namespace MLOpsLint.Core.Parsing.Requirements;

/// <summary>
/// A conda match spec as written in <c>environment.yml</c> or on a <c>conda install</c> line:
/// <c>numpy</c>, <c>numpy=1.26</c>, <c>numpy==1.26.4</c>, <c>numpy&gt;=1.2,&lt;2</c>, <c>numpy=1.26.4=py311h64a7726_0</c>,
/// <c>conda-forge::numpy=1.26</c>, <c>numpy 1.26.4 py311_0</c>.
/// </summary>
public sealed class CondaSpec
{
    private CondaSpec(string text) => Text = text;

    public string Text { get; }

    public string? Channel { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Offset of the name in <see cref="Text"/>.</summary>
    public int NameStart { get; private set; }

    /// <summary>The version part with its operator (<c>=1.26</c>, <c>&gt;=1.2,&lt;2</c>), or empty.</summary>
    public string Version { get; private set; } = "";

    public string? Build { get; private set; }

    public bool HasVersion => Version.Length > 0;

    /// <summary>One version (and possibly one build): <c>==1.26.4</c>, <c>=1.26.4</c> (three or more release
    /// parts), <c>=1.26.4=build</c>, <c>numpy 1.26.4</c>. <c>=1.26</c> is a series (1.26.*), not a pin.</summary>
    public bool IsExactPin
    {
        get
        {
            if (!HasVersion) return false;
            string v = Version;
            if (v.IndexOfAny(new[] { '*', '<', '>', '!', '~', ',', '|' }) >= 0) return false;
            if (v.StartsWith("==", StringComparison.Ordinal)) return v.Length > 2;
            string bare = v.TrimStart('=');
            if (bare.Length == 0) return false;
            if (Build != null && Build != "*") return true;
            return bare.Split('.').Length >= 3;
        }
    }

    /// <summary>The version is a minor series such as <c>=3.11</c> (used to accept <c>python=3.11</c>).</summary>
    public bool IsMinorSeries
    {
        get
        {
            string bare = Version.TrimStart('=').TrimEnd('*').TrimEnd('.');
            if (Version.IndexOfAny(new[] { '<', '>', '!', '~', ',', '|' }) >= 0) return false;
            var parts = bare.Split('.');
            return parts.Length == 2 && parts.All(p => p.Length > 0 && p.All(char.IsDigit));
        }
    }

    public string NormalizedName => Pep508Requirement.NormalizeName(Name);

    public static CondaSpec Parse(string text)
    {
        var spec = new CondaSpec(text);
        int i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        int chan = text.IndexOf("::", i, StringComparison.Ordinal);
        if (chan > 0)
        {
            spec.Channel = text.Substring(i, chan - i);
            i = chan + 2;
        }
        int nameStart = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && "=<>!~[".IndexOf(text[i]) < 0) i++;
        spec.Name = text.Substring(nameStart, i - nameStart);
        spec.NameStart = nameStart;
        string rest = text.Substring(i).Trim();
        if (rest.StartsWith("[", StringComparison.Ordinal))
        {
            int close = rest.IndexOf(']');
            string inner = close > 0 ? rest.Substring(1, close - 1) : rest.Substring(1);
            foreach (var kv in inner.Split(','))
            {
                var p = kv.Split(new[] { '=' }, 2);
                if (p.Length == 2 && p[0].Trim() == "version") spec.Version = p[1].Trim().Trim('\'', '"');
                if (p.Length == 2 && p[0].Trim() == "build") spec.Build = p[1].Trim().Trim('\'', '"');
            }
            if (spec.Version.Length > 0 && char.IsDigit(spec.Version[0])) spec.Version = "==" + spec.Version;
            return spec;
        }
        if (rest.Length == 0) return spec;
        if (char.IsDigit(rest[0]))
        {
            // "numpy 1.26.4 py311_0": space-separated version and build.
            var parts = rest.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            spec.Version = parts[0].IndexOf('*') >= 0 || parts[0].IndexOfAny(new[] { '<', '>', ',', '|' }) >= 0 ? parts[0] : "==" + parts[0];
            if (parts.Length > 1) spec.Build = parts[1];
            return spec;
        }
        rest = rest.Replace(" ", "");
        // "=1.26.4=build": a single '=' operator followed by version and build.
        if (rest.StartsWith("=", StringComparison.Ordinal) && !rest.StartsWith("==", StringComparison.Ordinal))
        {
            int second = rest.IndexOf('=', 1);
            if (second > 0)
            {
                spec.Version = rest.Substring(0, second);
                spec.Build = rest.Substring(second + 1);
                return spec;
            }
        }
        spec.Version = rest;
        return spec;
    }
}
