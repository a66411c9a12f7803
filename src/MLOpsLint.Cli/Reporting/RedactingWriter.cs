using System.Text;
using MLOpsLint.Core.Text;

namespace MLOpsLint.Cli.Reporting;

/// <summary>
/// Every line written through it passes <see cref="Redaction.Scrub"/> first. The CLI's stdout and stderr, the report
/// files (<c>--output</c>, <c>--json</c>, <c>--sarif</c>), the job summary and the baseline are all written through one,
/// so no output path — a rule's message, a fix hint, a code frame, a <c>--diff</c> context line, a note — can show a
/// secret whole, whatever put it there. Lines are buffered until their newline (or carriage return) (the detectors need the whole line);
/// <see cref="Flush"/> writes a pending partial line. Each line is also masked for the <see cref="Known"/> secrets: those the
/// detectors found anywhere in the scan, wherever they recur.
/// </summary>
internal sealed class RedactingWriter : TextWriter
{
    private readonly TextWriter inner;
    private static readonly char[] LineEnds = { '\n', '\r' };
    private readonly StringBuilder line = new();

    public RedactingWriter(TextWriter inner, KnownSecrets? known = null)
    {
        this.inner = inner;
        Known = known ?? new KnownSecrets();
    }

    /// <summary>The secrets found so far in the run; the scan adds to it before it writes anything about what it found.</summary>
    public KnownSecrets Known { get; }

    public override Encoding Encoding => inner.Encoding;

    /// <summary>Wraps <paramref name="writer"/> unless it already redacts.</summary>
    public static TextWriter Around(TextWriter writer, KnownSecrets? known = null) => writer is RedactingWriter ? writer : new RedactingWriter(writer, known);

    /// <summary>Teaches <paramref name="writer"/>'s mask the scan's secrets, when it is a redacting writer; returns that mask
    /// (a new one when it is not, for the outputs written without it).</summary>
    public static KnownSecrets Learn(TextWriter writer, IEnumerable<string> secrets)
    {
        var known = writer is RedactingWriter r ? r.Known : new KnownSecrets();
        known.Add(secrets);
        return known;
    }

    /// <summary>The one redaction step for text written outside a writer (the job summary, the baseline file).</summary>
    public static string Scrub(string text, KnownSecrets known) => Redaction.Scrub(known.Mask(text));

    public override void Write(char value)
    {
        line.Append(value);
        if (value == '\n' || value == '\r') EmitLine();
    }

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        int from = 0;
        while (from < value.Length)
        {
            int nl = value.IndexOfAny(LineEnds, from);
            if (nl < 0)
            {
                line.Append(value, from, value.Length - from);
                return;
            }
            line.Append(value, from, nl + 1 - from);
            EmitLine();
            from = nl + 1;
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value)
    {
        Write(value);
        Write(CoreNewLine);
    }

    public override void Flush()
    {
        if (line.Length > 0)
        {
            inner.Write(Scrub(line.ToString(), Known));
            line.Clear();
        }
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    private void EmitLine()
    {
        inner.Write(Scrub(line.ToString(), Known));
        line.Clear();
    }
}
