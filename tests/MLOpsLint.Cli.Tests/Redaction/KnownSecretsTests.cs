using MLOpsLint.Cli.Reporting;

namespace MLOpsLint.Cli.Tests.Redaction;

/// <summary>The scan-wide mask of found secrets (<see cref="KnownSecrets"/>): every occurrence, the longest where several
/// start at one place, nothing under 8 characters, and text without any comes back unchanged.</summary>
public class KnownSecretsTests
{
    [Fact]
    public void Every_occurrence_is_masked_and_other_text_stays()
    {
        var known = new KnownSecrets();
        known.Add(new[] { "Qx7vR2mK9pLwZ3", "short7", "Qx7vR2mK9pLwZ3Tail99" });
        Assert.Equal("a=Qx********/b Qx******** c", known.Mask("a=Qx7vR2mK9pLwZ3/b Qx7vR2mK9pLwZ3 c"));
        // the longer secret that starts at the same place is masked whole, not its prefix
        Assert.Equal("[Qx7v********]", known.Mask("[Qx7vR2mK9pLwZ3Tail99]"));
        // under 8 characters: never learnt (it would hide ordinary words)
        Assert.Equal("short7 and Qx7vR2mK9pLw", known.Mask("short7 and Qx7vR2mK9pLw"));
        const string plain = "nothing secret on this line, only Qx7vR2mK9 and R2mK9pLwZ3";
        Assert.Same(plain, known.Mask(plain));
    }

    [Fact]
    public void An_empty_mask_changes_nothing_and_a_redacting_writer_learns_from_the_scan()
    {
        Assert.Equal("Qx7vR2mK9pLwZ3", new KnownSecrets().Mask("Qx7vR2mK9pLwZ3"));
        var sink = new StringWriter();
        var writer = new RedactingWriter(sink);
        writer.Write("before Qx7vR2mK9pLwZ3\n");
        RedactingWriter.Learn(writer, new[] { "Qx7vR2mK9pLwZ3" });
        writer.Write("after Qx7vR2mK9pLwZ3, split ");
        writer.Write("Qx7vR2mK9pLwZ3 over two writes\n");
        writer.Flush();
        Assert.Equal("before Qx7vR2mK9pLwZ3\nafter Qx********, split Qx******** over two writes\n", sink.ToString());
    }
}
