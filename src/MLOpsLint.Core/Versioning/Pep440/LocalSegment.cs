namespace MLOpsLint.Core.Versioning.Pep440;

/// <summary>One segment of a local version label (<c>+ubuntu.1</c> has two): either a number or a
/// lower-case alphanumeric string. Numbers are kept as their decimal digits without leading zeros,
/// so labels of any length compare exactly, as Python's unbounded integers do.</summary>
internal readonly struct LocalSegment : IEquatable<LocalSegment>
{
    public LocalSegment(string text, bool isNumeric)
    {
        Text = text;
        IsNumeric = isNumeric;
    }

    /// <summary>Lower-case text, or the digits of the number without leading zeros ("0" for zero).</summary>
    public string Text { get; }

    public bool IsNumeric { get; }

    /// <summary>PEP 440: alphanumeric segments sort before numeric ones; strings lexicographically;
    /// numbers numerically.</summary>
    public int CompareTo(LocalSegment other)
    {
        if (IsNumeric != other.IsNumeric) return IsNumeric ? 1 : -1;
        if (IsNumeric && Text.Length != other.Text.Length) return Text.Length < other.Text.Length ? -1 : 1;
        return Math.Sign(string.CompareOrdinal(Text, other.Text));
    }

    public bool Equals(LocalSegment other) => IsNumeric == other.IsNumeric && Text == other.Text;

    public override bool Equals(object? obj) => obj is LocalSegment other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(IsNumeric, StringComparer.Ordinal.GetHashCode(Text));

    public override string ToString() => Text;
}
