namespace MLOpsLint.Core.Configuration;

/// <summary>
/// A glob's regex (what <see cref="Glob"/> builds from <see cref="Glob.Translate"/>: <c>^…$</c> made of literals, <c>.</c>,
/// <c>[^/]</c> and other character sets, <c>(?:…|…)</c> groups, and <c>*</c> or <c>?</c> after an atom or a group) run as a
/// position automaton (Glushkov's construction) whose state is one <see cref="ulong"/>: linear in the path for a given
/// pattern, as the non-backtracking regex engine is, without building that engine. Building it was most of the start-up
/// of a scan: the engine's code is not in the runtime's ReadyToRun images, so the first glob of every process JIT-compiled
/// it (bench/README.md, "Start-up of the shipped build").
/// <para>The answers are the regex's, character for character: <c>.</c> is any character but '\n', <c>$</c> also matches
/// before a final '\n', sets compare UTF-16 code units. <see cref="TryCreate"/> returns null for anything outside that
/// subset or over 63 positions, and the caller keeps the regex (<see cref="GlobMatcher"/>).</para>
/// </summary>
internal sealed class GlobAutomaton
{
    private const int MaxPositions = 63; // bit 0 is the start state

    /// <summary>What may follow each state (bit 0: the start).</summary>
    private readonly ulong[] follow;

    /// <summary>The states a match may end in (bit 0 when the pattern matches the empty string).</summary>
    private readonly ulong final;

    /// <summary>The positions each ASCII character is accepted by.</summary>
    private readonly ulong[] ascii;

    private readonly Atom[] atoms;

    private GlobAutomaton(List<Atom> atoms, ulong[] follow, ulong final)
    {
        this.atoms = atoms.ToArray();
        this.follow = follow;
        this.final = final;
        ascii = new ulong[128];
        for (int c = 0; c < 128; c++) ascii[c] = Compute((char)c);
    }

    /// <summary>The automaton for a regex <paramref name="source"/>, or null when it uses anything but the subset above.</summary>
    public static GlobAutomaton? TryCreate(string source)
    {
        if (source.Length < 2 || source[0] != '^' || source[source.Length - 1] != '$') return null;
        int backslashes = 0;
        for (int i = source.Length - 2; i >= 0 && source[i] == '\\'; i--) backslashes++;
        if (backslashes % 2 == 1) return null; // an escaped '$': a literal, not the end anchor
        var parser = new Parser(source, 1, source.Length - 1);
        Fragment body;
        try
        {
            body = parser.Alternation();
        }
        catch (NotSupportedException)
        {
            return null;
        }
        if (parser.Position != source.Length - 1) return null; // an unbalanced ')'
        // the start state leads to the first positions; the pattern is over when a last position (or, for a pattern that
        // matches nothing at all, the start) is reached
        parser.Follow[0] |= body.First;
        ulong final = body.Last | (body.Nullable ? 1UL : 0UL);
        return new GlobAutomaton(parser.Atoms, parser.Follow, final);
    }

    public bool IsMatch(string input)
    {
        ulong state = 1;
        int last = input.Length - 1;
        for (int i = 0; i <= last; i++)
        {
            char c = input[i];
            if (c == '\n' && i == last && (state & final) != 0) return true; // '$' before a final newline
            ulong next = 0;
            for (ulong s = state; s != 0; s &= s - 1) next |= follow[TrailingZeroCount(s)];
            state = next & (c < 128 ? ascii[c] : Compute(c));
            if (state == 0) return false;
        }
        return (state & final) != 0;
    }

    private ulong Compute(char c)
    {
        ulong mask = 0;
        for (int p = 0; p < atoms.Length; p++)
        {
            if (atoms[p].Accepts(c)) mask |= 1UL << (p + 1);
        }
        return mask;
    }

    private static int TrailingZeroCount(ulong v)
    {
#if NETCOREAPP3_0_OR_GREATER
        return System.Numerics.BitOperations.TrailingZeroCount(v);
#else
        int n = 0;
        while ((v & 1) == 0)
        {
            v >>= 1;
            n++;
        }
        return n;
#endif
    }

    /// <summary>One character position: a literal, '.', or a set of ranges (negated or not).</summary>
    private sealed class Atom
    {
        private readonly (char Low, char High)[] ranges;
        private readonly bool negated;

        private Atom((char, char)[] ranges, bool negated)
        {
            this.ranges = ranges;
            this.negated = negated;
        }

        public static Atom Literal(char c) => new(new[] { (c, c) }, false);

        public static Atom AnyButNewline { get; } = new(new[] { ('\n', '\n') }, true);

        public static Atom Set(List<(char, char)> ranges, bool negated) => new(ranges.ToArray(), negated);

        public bool Accepts(char c)
        {
            foreach (var (low, high) in ranges)
            {
                if (c >= low && c <= high) return !negated;
            }
            return negated;
        }
    }

    /// <summary>What a part of the pattern contributes: whether it matches the empty string, and its first and last positions.</summary>
    private readonly struct Fragment
    {
        public Fragment(bool nullable, ulong first, ulong last)
        {
            Nullable = nullable;
            First = first;
            Last = last;
        }

        public bool Nullable { get; }

        public ulong First { get; }

        public ulong Last { get; }
    }

    /// <summary>Reads the regex and builds the positions and their follow sets as it goes.</summary>
    private sealed class Parser
    {
        private readonly string source;
        private readonly int end;

        public Parser(string source, int start, int end)
        {
            this.source = source;
            Position = start;
            this.end = end;
        }

        public int Position { get; private set; }

        public List<Atom> Atoms { get; } = new();

        public ulong[] Follow { get; } = new ulong[MaxPositions + 1];

        public Fragment Alternation()
        {
            var result = Sequence();
            while (Position < end && source[Position] == '|')
            {
                Position++;
                var next = Sequence();
                result = new Fragment(result.Nullable || next.Nullable, result.First | next.First, result.Last | next.Last);
            }
            return result;
        }

        private Fragment Sequence()
        {
            var result = new Fragment(true, 0, 0);
            while (Position < end && source[Position] != '|' && source[Position] != ')')
            {
                var item = Quantified();
                foreach (int p in Bits(result.Last)) Follow[p] |= item.First;
                result = new Fragment(
                    result.Nullable && item.Nullable,
                    result.First | (result.Nullable ? item.First : 0),
                    item.Last | (item.Nullable ? result.Last : 0));
            }
            return result;
        }

        private Fragment Quantified()
        {
            var item = Primary();
            if (Position < end)
            {
                char q = source[Position];
                if (q == '*')
                {
                    Position++;
                    foreach (int p in Bits(item.Last)) Follow[p] |= item.First;
                    item = new Fragment(true, item.First, item.Last);
                }
                else if (q == '?')
                {
                    Position++;
                    item = new Fragment(true, item.First, item.Last);
                }
                else if (q == '+' || q == '{')
                {
                    throw new NotSupportedException();
                }
                // a second quantifier (lazy '*?', '??', or '**') means something else in a regex
                if (Position < end && source[Position] is '*' or '?' or '+' or '{') throw new NotSupportedException();
            }
            return item;
        }

        private Fragment Primary()
        {
            char c = source[Position];
            switch (c)
            {
                case '(':
                {
                    if (Position + 2 >= end || source[Position + 1] != '?' || source[Position + 2] != ':') throw new NotSupportedException();
                    Position += 3;
                    var inner = Alternation();
                    if (Position >= end || source[Position] != ')') throw new NotSupportedException();
                    Position++;
                    return inner;
                }
                case '.':
                    Position++;
                    return Add(Atom.AnyButNewline);
                case '[':
                    Position++;
                    return Add(Set());
                case '\\':
                    Position++;
                    return Add(Atom.Literal(Escaped()));
                case '*' or '?' or '+' or '{' or '^' or '$' or '|' or ')':
                    throw new NotSupportedException();
                default:
                    Position++;
                    return Add(Atom.Literal(c));
            }
        }

        /// <summary>The character after a backslash: a punctuation character itself, or \t \n \f \r (what
        /// <c>Regex.Escape</c> writes). Letters and digits are classes or references: not supported.</summary>
        private char Escaped()
        {
            if (Position >= end) throw new NotSupportedException();
            char c = source[Position++];
            switch (c)
            {
                case 't': return '\t';
                case 'n': return '\n';
                case 'f': return '\f';
                case 'r': return '\r';
            }
            if (char.IsLetterOrDigit(c) || c == '_') throw new NotSupportedException();
            return c;
        }

        /// <summary>A set after its '[': plain characters, <c>a-z</c> ranges, <c>\\</c> and <c>\[</c>; a leading '^' negates.
        /// Anything a regex reads otherwise (']' first, reversed ranges, '-' after a range, subtraction, class escapes) is not
        /// supported, so that the regex keeps its own reading or its own error.</summary>
        private Atom Set()
        {
            bool negated = false;
            if (Position < end && source[Position] == '^')
            {
                negated = true;
                Position++;
            }
            var ranges = new List<(char, char)>();
            bool first = true;
            bool afterRange = false;
            while (true)
            {
                if (Position >= end) throw new NotSupportedException();
                char c = source[Position];
                if (c == ']' && !first) break;
                if (c == ']' || c == '[') throw new NotSupportedException();
                char low;
                bool escaped = false;
                if (c == '\\')
                {
                    if (Position + 1 >= end || source[Position + 1] is not ('\\' or '[')) throw new NotSupportedException();
                    low = source[Position + 1];
                    Position += 2;
                    escaped = true;
                }
                else
                {
                    low = c;
                    Position++;
                }
                if (low == '-' && !escaped && !first && afterRange && Position < end && source[Position] != ']') throw new NotSupportedException();
                first = false;
                afterRange = false;
                if (Position + 1 < end && source[Position] == '-' && source[Position + 1] != ']')
                {
                    char high = source[Position + 1];
                    if (escaped || high is '\\' or '[' || low == '-' || high < low) throw new NotSupportedException();
                    Position += 2;
                    ranges.Add((low, high));
                    afterRange = true;
                    continue;
                }
                ranges.Add((low, low));
            }
            Position++; // ']'
            return Atom.Set(ranges, negated);
        }

        private Fragment Add(Atom atom)
        {
            if (Atoms.Count == MaxPositions) throw new NotSupportedException();
            Atoms.Add(atom);
            ulong bit = 1UL << Atoms.Count;
            return new Fragment(false, bit, bit);
        }

        private static IEnumerable<int> Bits(ulong mask)
        {
            for (int p = 0; mask != 0; p++, mask >>= 1)
            {
                if ((mask & 1) != 0) yield return p;
            }
        }
    }
}

/// <summary>A glob's regex source, matched by <see cref="GlobAutomaton"/> where it can be, else by the regex
/// (<see cref="GlobRegex.Create"/>): the same answers either way.</summary>
internal sealed class GlobMatcher
{
    private readonly GlobAutomaton? automaton;
    private readonly System.Text.RegularExpressions.Regex? regex;

    private GlobMatcher(GlobAutomaton? automaton, System.Text.RegularExpressions.Regex? regex)
    {
        this.automaton = automaton;
        this.regex = regex;
    }

    /// <summary>True when the automaton answers (tests hold the common globs to that).</summary>
    public bool IsAutomaton => automaton != null;

    public static GlobMatcher Create(string source) =>
        GlobAutomaton.TryCreate(source) is { } a ? new GlobMatcher(a, null) : new GlobMatcher(null, GlobRegex.Create(source));

    public bool IsMatch(string input) => automaton?.IsMatch(input) ?? GlobRegex.IsMatch(regex!, input);
}
