using System.Text;
using MLOpsLint.Core.Text;

namespace MLOpsLint.Cli.Reporting;

/// <summary>
/// Every line written through it passes <see cref="Redaction.Scrub"/> first. The CLI's stdout and stderr, the report
/// files (<c>--output</c>, <c>--json</c>, <c>--sarif</c>), the job summary and the baseline are all written through one,
/// so no output path — a rule's message, a fix hint, a code frame, a <c>--diff</c> context line, a note — can show a
/// secret whole, whatever put it there. Lines are buffered until their newline (or carriage return) (the detectors need the whole line);
/// <see cref="Flush"/> writes a pending partial line.
/// </summary>
internal sealed class RedactingWriter : TextWriter
{
    private readonly TextWriter inner;
    private static readonly char[] LineEnds = { '\n', '\r' };
    private readonly StringBuilder line = new();

    public RedactingWriter(TextWriter inner)
    {
        this.inner = inner;
    }

    public override Encoding Encoding => inner.Encoding;

    /// <summary>Wraps <paramref name="writer"/> unless it already redacts.</summary>
    public static TextWriter Around(TextWriter writer) => writer is RedactingWriter ? writer : new RedactingWriter(writer);

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
            inner.Write(Redaction.Scrub(line.ToString()));
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
        inner.Write(Redaction.Scrub(line.ToString()));
        line.Clear();
    }
}
