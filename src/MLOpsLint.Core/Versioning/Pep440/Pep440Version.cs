using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace MLOpsLint.Core.Versioning.Pep440;

/// <summary>
/// An immutable PEP 440 version (<c>[N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]</c>), parsed and
/// normalised exactly as pypa/packaging's <c>Version</c> does, with the same total ordering:
/// <c>1.0.dev0 &lt; 1.0a1 &lt; 1.0 &lt; 1.0+local &lt; 1.0.post1</c>, and trailing zeros of the
/// release ignored (<c>1.0 == 1.0.0</c>).
/// </summary>
/// <remarks>Numeric components (epoch, release, pre, post, dev) must fit in a <see cref="long"/>;
/// longer numbers are rejected (packaging accepts Python's unbounded integers). Local labels of any
/// length are fine.</remarks>
public sealed class Pep440Version : IComparable<Pep440Version>, IEquatable<Pep440Version>, IComparable
{
    internal const byte NoPre = 0, PreAlpha = 1, PreBeta = 2, PreCandidate = 3;
    private static readonly string[] PreLabels = { "", "a", "b", "rc" };

    /// <summary>Version <c>0</c>, the smallest final release.</summary>
    internal static readonly Pep440Version Zero = new(0, new long[] { 0 }, NoPre, 0, null, null, null);

    private readonly long[] _release;
    private readonly LocalSegment[]? _local;
    private readonly byte _preKind;
    private readonly long _preNumber;
    private string? _text;
    private int _hash;

    internal Pep440Version(long epoch, long[] release, byte preKind, long preNumber, long? post, long? dev, LocalSegment[]? local)
    {
        Epoch = epoch;
        _release = release;
        _preKind = preKind;
        _preNumber = preKind == NoPre ? 0 : preNumber;
        Post = post;
        Dev = dev;
        _local = local is { Length: > 0 } ? local : null;
    }

    /// <summary>The epoch (<c>1!</c> in <c>1!2.0</c>); 0 when absent.</summary>
    public long Epoch { get; }

    /// <summary>The release numbers as written (trailing zeros kept: <c>2.0.0</c> gives 2, 0, 0).</summary>
    public IReadOnlyList<long> Release => _release;

    /// <summary>Normalised pre-release label: <c>a</c>, <c>b</c> or <c>rc</c>; null for none.</summary>
    public string? PreLabel => _preKind == NoPre ? null : PreLabels[_preKind];

    /// <summary>Pre-release number (<c>1.0rc2</c> gives 2); null when there is no pre-release segment.</summary>
    public long? PreNumber => _preKind == NoPre ? null : _preNumber;

    /// <summary>Post-release number; null when there is none.</summary>
    public long? Post { get; }

    /// <summary>Development release number; null when there is none.</summary>
    public long? Dev { get; }

    /// <summary>Normalised local label (<c>ubuntu.1</c>), null when there is none.</summary>
    public string? Local => _local is null ? null : string.Join(".", _local.Select(s => s.Text));

    /// <summary>True for a pre-release or a development release (packaging's <c>is_prerelease</c>).</summary>
    public bool IsPrerelease => Dev.HasValue || _preKind != NoPre;

    /// <summary>True when there is a <c>.devN</c> segment.</summary>
    public bool IsDevrelease => Dev.HasValue;

    /// <summary>True when there is a <c>.postN</c> segment.</summary>
    public bool IsPostrelease => Post.HasValue;

    /// <summary>True when there is a local label.</summary>
    public bool HasLocal => _local is not null;

    /// <summary>First release number.</summary>
    public long Major => _release.Length >= 1 ? _release[0] : 0;

    /// <summary>Second release number, 0 when absent.</summary>
    public long Minor => _release.Length >= 2 ? _release[1] : 0;

    /// <summary>Third release number, 0 when absent.</summary>
    public long Micro => _release.Length >= 3 ? _release[2] : 0;

    /// <summary>The version without its local label (<c>1!1.2.3.dev1</c>).</summary>
    public string Public
    {
        get
        {
            var text = ToString();
            int plus = text.IndexOf('+');
            return plus < 0 ? text : text.Substring(0, plus);
        }
    }

    /// <summary>Epoch and release only (<c>1!1.2.3</c>): no pre, post, dev or local segment.</summary>
    public string BaseVersion
    {
        get
        {
            var sb = new StringBuilder();
            AppendBase(sb);
            return sb.ToString();
        }
    }

    internal byte PreKind => _preKind;
    internal long PreNumberOrZero => _preNumber;
    internal long[] ReleaseArray => _release;
    internal LocalSegment[]? LocalSegments => _local;

    /// <summary>Parses a version; null-safe, never throws.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Pep440Version? version) =>
        Pep440VersionParser.TryParse(text, out version);

    /// <summary>Parses a version or throws <see cref="FormatException"/>.</summary>
    public static Pep440Version Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"Invalid PEP 440 version: '{text}'");

    /// <summary>The normalised form (<c>1.0-1</c> gives <c>1.0.post1</c>, <c>v1.0ALPHA</c> gives <c>1.0a0</c>).</summary>
    public override string ToString() => _text ??= Format();

    private string Format()
    {
        var sb = new StringBuilder(16);
        AppendBase(sb);
        if (_preKind != NoPre) sb.Append(PreLabels[_preKind]).Append(_preNumber);
        if (Post.HasValue) sb.Append(".post").Append(Post.Value);
        if (Dev.HasValue) sb.Append(".dev").Append(Dev.Value);
        if (_local is not null)
        {
            sb.Append('+');
            for (int i = 0; i < _local.Length; i++)
            {
                if (i > 0) sb.Append('.');
                sb.Append(_local[i].Text);
            }
        }
        return sb.ToString();
    }

    private void AppendBase(StringBuilder sb)
    {
        if (Epoch != 0) sb.Append(Epoch).Append('!');
        for (int i = 0; i < _release.Length; i++)
        {
            if (i > 0) sb.Append('.');
            sb.Append(_release[i]);
        }
    }

    /// <summary>Total order of packaging's <c>_cmpkey</c>: epoch, release without trailing zeros,
    /// pre (a dev-only release sorts before every pre-release), post, dev, local.</summary>
    public int CompareTo(Pep440Version? other)
    {
        if (other is null) return 1;
        if (ReferenceEquals(this, other)) return 0;
        int c = CompareEpochAndRelease(this, other);
        if (c != 0) return c;
        c = PreRank().CompareTo(other.PreRank());
        if (c != 0) return c;
        if (_preKind != NoPre)
        {
            c = _preNumber.CompareTo(other._preNumber);
            if (c != 0) return c;
        }
        c = CompareMissingLow(Post, other.Post);
        if (c != 0) return c;
        c = CompareMissingHigh(Dev, other.Dev);
        if (c != 0) return c;
        return CompareLocal(_local, other._local);
    }

    int IComparable.CompareTo(object? obj) => obj is Pep440Version v ? CompareTo(v)
        : obj is null ? 1 : throw new ArgumentException("Not a Pep440Version.", nameof(obj));

    /// <summary>Compares epoch, then release with trailing zeros ignored.</summary>
    internal static int CompareEpochAndRelease(Pep440Version a, Pep440Version b)
    {
        int c = a.Epoch.CompareTo(b.Epoch);
        if (c != 0) return c;
        var x = a._release;
        var y = b._release;
        int n = Math.Max(x.Length, y.Length);
        for (int i = 0; i < n; i++)
        {
            long xi = i < x.Length ? x[i] : 0;
            long yi = i < y.Length ? y[i] : 0;
            if (xi != yi) return xi < yi ? -1 : 1;
        }
        return 0;
    }

    // -1: dev release without pre or post (sorts first); 1..3: a, b, rc; 4: no pre-release.
    private int PreRank()
    {
        if (_preKind != NoPre) return _preKind;
        return !Post.HasValue && Dev.HasValue ? -1 : 4;
    }

    // Post: a missing value sorts before every present value.
    private static int CompareMissingLow(long? a, long? b)
    {
        if (a.HasValue != b.HasValue) return a.HasValue ? 1 : -1;
        return a.HasValue ? a.Value.CompareTo(b!.Value) : 0;
    }

    // Dev: a missing value sorts after every present value.
    private static int CompareMissingHigh(long? a, long? b)
    {
        if (a.HasValue != b.HasValue) return a.HasValue ? -1 : 1;
        return a.HasValue ? a.Value.CompareTo(b!.Value) : 0;
    }

    private static int CompareLocal(LocalSegment[]? a, LocalSegment[]? b)
    {
        if (a is null || b is null) return a is null ? (b is null ? 0 : -1) : 1;
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            int c = a[i].CompareTo(b[i]);
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length);
    }

    /// <summary>PEP 440 equality: <c>1.0 == 1.0.0</c>; the local label counts.</summary>
    public bool Equals(Pep440Version? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is Pep440Version other && Equals(other);

    public override int GetHashCode()
    {
        if (_hash != 0) return _hash;
        var h = new HashCode();
        h.Add(Epoch);
        int len = _release.Length;
        while (len > 0 && _release[len - 1] == 0) len--;
        for (int i = 0; i < len; i++) h.Add(_release[i]);
        h.Add(_preKind);
        h.Add(_preNumber);
        h.Add(Post);
        h.Add(Dev);
        if (_local is not null)
        {
            foreach (var s in _local) h.Add(s);
        }
        int value = h.ToHashCode();
        return _hash = value == 0 ? 1 : value;
    }

    public static bool operator ==(Pep440Version? a, Pep440Version? b) => a is null ? b is null : a.Equals(b);
    public static bool operator !=(Pep440Version? a, Pep440Version? b) => !(a == b);
    public static bool operator <(Pep440Version a, Pep440Version b) => a.CompareTo(b) < 0;
    public static bool operator <=(Pep440Version a, Pep440Version b) => a.CompareTo(b) <= 0;
    public static bool operator >(Pep440Version a, Pep440Version b) => a.CompareTo(b) > 0;
    public static bool operator >=(Pep440Version a, Pep440Version b) => a.CompareTo(b) >= 0;
}
