namespace MLOpsLint.Core.Versioning.Pep440;

/// <summary>The comparison operators of PEP 440 version specifiers.</summary>
public enum Pep440Operator
{
    /// <summary><c>~=</c>, compatible release.</summary>
    Compatible,
    /// <summary><c>==</c>, version matching (also with a <c>.*</c> prefix wildcard).</summary>
    Equal,
    /// <summary><c>!=</c>, version exclusion (also with a <c>.*</c> prefix wildcard).</summary>
    NotEqual,
    /// <summary><c>&lt;=</c>, inclusive ordered comparison.</summary>
    LessThanOrEqual,
    /// <summary><c>&gt;=</c>, inclusive ordered comparison.</summary>
    GreaterThanOrEqual,
    /// <summary><c>&lt;</c>, exclusive ordered comparison (does not admit pre-releases of the version).</summary>
    LessThan,
    /// <summary><c>&gt;</c>, exclusive ordered comparison (does not admit post-releases of the version).</summary>
    GreaterThan,
    /// <summary><c>===</c>, arbitrary (case-insensitive string) equality.</summary>
    ArbitraryEqual,
}

internal static class Pep440OperatorText
{
    public static string ToText(this Pep440Operator op) => op switch
    {
        Pep440Operator.Compatible => "~=",
        Pep440Operator.Equal => "==",
        Pep440Operator.NotEqual => "!=",
        Pep440Operator.LessThanOrEqual => "<=",
        Pep440Operator.GreaterThanOrEqual => ">=",
        Pep440Operator.LessThan => "<",
        Pep440Operator.GreaterThan => ">",
        _ => "===",
    };

    /// <summary>Reads the operator at the start of <paramref name="text"/>; returns its length, 0 when none.</summary>
    public static int Read(string text, int start, int end, out Pep440Operator op)
    {
        op = default;
        int n = end - start;
        if (n >= 3 && string.CompareOrdinal(text, start, "===", 0, 3) == 0) { op = Pep440Operator.ArbitraryEqual; return 3; }
        if (n >= 2 && text[start + 1] == '=')
        {
            switch (text[start])
            {
                case '~': op = Pep440Operator.Compatible; return 2;
                case '=': op = Pep440Operator.Equal; return 2;
                case '!': op = Pep440Operator.NotEqual; return 2;
                case '<': op = Pep440Operator.LessThanOrEqual; return 2;
                case '>': op = Pep440Operator.GreaterThanOrEqual; return 2;
            }
        }
        if (n >= 1 && text[start] == '<') { op = Pep440Operator.LessThan; return 1; }
        if (n >= 1 && text[start] == '>') { op = Pep440Operator.GreaterThan; return 1; }
        return 0;
    }
}
