using System.Text.RegularExpressions;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Parsing.Workflows;
using YamlDotNet.RepresentationModel;

namespace MLOpsLint.Core.Environments;

/// <summary>A .NET SDK version as global.json and setup-dotnet write it: major, minor, feature band, patch; null parts are
/// wildcards (<c>8.0.x</c>, <c>8.0.1xx</c>, <c>8</c>).</summary>
public sealed record SdkVersion(int Major, int? Minor, int? Band, int? Patch)
{
    private static readonly Regex Pattern = new(@"^(\d+)(?:\.(\d+|x|\*))?(?:\.(?:(\d)(\d\d)|(\d)xx|x|\*))?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>Reads <c>9.0.100</c>, <c>8.0.x</c>, <c>8.0.1xx</c>, <c>8.0</c>, <c>8.x</c>, <c>8</c>; null for anything else
    /// (pre-release builds, <c>lts</c>/<c>sts</c> channels).</summary>
    public static SdkVersion? TryParse(string? text)
    {
        var m = Pattern.Match(text?.Trim().Trim('"', '\'') ?? "");
        if (!m.Success) return null;
        int major = int.Parse(m.Groups[1].Value);
        int? minor = m.Groups[2].Success && char.IsDigit(m.Groups[2].Value[0]) ? int.Parse(m.Groups[2].Value) : null;
        int? band = m.Groups[3].Success ? int.Parse(m.Groups[3].Value) : m.Groups[5].Success ? int.Parse(m.Groups[5].Value) : null;
        int? patch = m.Groups[4].Success ? int.Parse(m.Groups[4].Value) : null;
        if (minor == null && (band != null || patch != null)) return null;
        return new SdkVersion(major, minor, band, patch);
    }

    public bool IsExact => Minor != null && Band != null && Patch != null;

    public override string ToString() =>
        Minor == null ? $"{Major}.x" : Band == null ? $"{Major}.{Minor}.x" : Patch == null ? $"{Major}.{Minor}.{Band}xx" : $"{Major}.{Minor}.{Band}{Patch:00}";

    /// <summary>
    /// Could an SDK that this (possibly wildcard) version stands for satisfy <paramref name="required"/> under the global.json
    /// <paramref name="rollForward"/> policy? Wildcards are generous: <c>8.0.x</c> may be any 8.0 SDK.
    /// </summary>
    public bool MaySatisfy(SdkVersion required, string rollForward)
    {
        // How many leading parts (major, minor, band) must be equal; the rest must be >= the request.
        int fixedParts = rollForward.ToLowerInvariant() switch
        {
            "disable" => 4,
            "patch" or "latestpatch" => 3,
            "feature" or "latestfeature" => 2,
            "minor" or "latestminor" => 1,
            "major" or "latestmajor" => 0,
            _ => 3,
        };
        int?[] mine = { Major, Minor, Band, Patch };
        int?[] want = { required.Major, required.Minor ?? 0, required.Band ?? 0, required.Patch ?? 0 };
        for (int i = 0; i < fixedParts && i < 4; i++)
        {
            if (mine[i] is int v && v != want[i]) return false;
            if (mine[i] == null) return true; // a wildcard from here on: some SDK in it can match
        }
        for (int i = fixedParts; i < 4; i++)
        {
            if (mine[i] is not int v) return true;
            if (v > want[i]) return true;
            if (v < want[i]) return false;
        }
        return true;
    }
}

/// <summary>The SDK a global.json asks for.</summary>
public sealed class GlobalJson
{
    public GlobalJson(string path, SourceSpan span, string versionText, SdkVersion version, string rollForward)
    {
        Path = path;
        Span = span;
        VersionText = versionText;
        Version = version;
        RollForward = rollForward;
    }

    public string Path { get; }

    public SourceSpan Span { get; }

    public string VersionText { get; }

    public SdkVersion Version { get; }

    /// <summary>The roll-forward policy; <c>patch</c> when the file does not say (the SDK's default with a version).</summary>
    public string RollForward { get; }

    public static GlobalJson? Read(SourceDocument doc)
    {
        if (!doc.HasText || !YamlText.TryLoad(doc.Text, out var root, out _, out _)) return null;
        var sdk = YamlText.Get(root, "sdk");
        if (YamlText.Get(sdk, "version") is not YamlScalarNode v || SdkVersion.TryParse(v.Value) is not { IsExact: true } version) return null;
        string roll = YamlText.Scalar(YamlText.Get(sdk, "rollForward")) ?? "patch";
        var text = YamlText.ScalarText(v, doc.Lines);
        return new GlobalJson(doc.Path, doc.Lines.GetSpan(text.DocOffset(0), Math.Max(text.DocOffset(0) + 1, text.DocOffset(text.Length))), v.Value!, version, roll);
    }
}
