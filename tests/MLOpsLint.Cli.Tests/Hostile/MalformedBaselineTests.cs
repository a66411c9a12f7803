using MLOpsLint.Cli.Tests.Support;

namespace MLOpsLint.Cli.Tests.Hostile;

/// <summary>
/// A baseline file that is not one — JSON of another shape (<c>null</c>, a list, a number), entries of the wrong kind,
/// junk bytes, nesting deeper than the JSON reader's limit, an empty file — is a clear "not a mlops-lint baseline"
/// message naming the file and exit 2, never an internal error (a <c>null</c> baseline was one: JsonElement throws
/// InvalidOperationException when asked for a property of a non-object). The look-alike: a valid baseline with extra
/// properties and null optional fields is read and applied.
/// </summary>
public class MalformedBaselineTests
{
    private static (int Exit, string Stdout, string Stderr) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = MLOpsLint.Cli.Program.Run(args, stdout, stderr, false, false);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static TempRepo Repo()
    {
        var repo = TempRepo.Git();
        repo.Write("requirements.txt", "numpy\n");
        repo.Commit("unpinned");
        return repo;
    }

    [Theory]
    [InlineData("null", "a JSON object with a \"findings\" array")]
    [InlineData("[]", "a JSON object with a \"findings\" array")]
    [InlineData("\"findings\"", "a JSON object with a \"findings\" array")]
    [InlineData("42", "a JSON object with a \"findings\" array")]
    [InlineData("true", "a JSON object with a \"findings\" array")]
    [InlineData("{}", "a JSON object with a \"findings\" array")]
    [InlineData("{\"findings\": null}", "a JSON object with a \"findings\" array")]
    [InlineData("{\"findings\": {\"fingerprint\": \"x\"}}", "a JSON object with a \"findings\" array")]
    [InlineData("{\"findings\": [null]}", "entry 1 of \"findings\" is null, not an object")]
    [InlineData("{\"findings\": [{\"fingerprint\": \"a\"}, 7]}", "entry 2 of \"findings\" is a number, not an object")]
    [InlineData("{\"findings\": [{\"fingerprint\": 5}]}", "\"fingerprint\" is a number, not a string")]
    [InlineData("{\"findings\": [{\"fingerprint\": \"a\", \"rule\": [\"MLO201\"]}]}", "\"rule\" is an array, not a string")]
    [InlineData("{\"findings\": [{\"fingerprint\": \"a\", \"path\": {}}]}", "\"path\" is an object, not a string")]
    [InlineData("{\"findings\": [{\"rule\": \"MLO201\"}]}", "entry 1 of \"findings\" has no \"fingerprint\"")]
    [InlineData("", "not valid JSON")]
    [InlineData("{\"findings\": [", "not valid JSON")]
    public void A_malformed_baseline_is_a_message_naming_it_and_exit_2(string content, string expected)
    {
        using var repo = Repo();
        string file = repo.Write("baseline.json", content);
        var r = Cli("scan", repo.Root, "--baseline", file);
        Assert.Equal(2, r.Exit);
        Assert.Contains($"mlops-lint: error: baseline {file} is not a mlops-lint baseline: ", r.Stderr);
        Assert.Contains(expected, r.Stderr);
        Assert.DoesNotContain("internal error", r.Stderr);
        Assert.DoesNotContain("Exception", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void Junk_bytes_and_nesting_past_the_reader_limit_are_messages_too()
    {
        using var repo = Repo();
        var junk = new byte[4096];
        new Random(19).NextBytes(junk);
        foreach (var (name, bytes) in new[]
        {
            ("junk.json", junk),
            ("deep.json", System.Text.Encoding.ASCII.GetBytes(new string('[', 1_000_000))),
            ("deep-object.json", System.Text.Encoding.ASCII.GetBytes("{\"findings\": [" + string.Concat(Enumerable.Repeat("{\"a\":", 100_000)))),
            ("utf16.json", System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("null")).ToArray()),
        })
        {
            string file = repo.Write(name, bytes);
            var r = Cli("scan", repo.Root, "--baseline", file);
            Assert.Equal(2, r.Exit);
            Assert.Contains($"baseline {file} is not a mlops-lint baseline: ", r.Stderr);
            Assert.DoesNotContain("internal error", r.Stderr);
        }
    }

    [Fact]
    public void A_valid_baseline_with_extra_properties_and_null_optional_fields_is_applied()
    {
        using var repo = Repo();
        string file = Path.Combine(repo.Root, "..", Guid.NewGuid().ToString("N") + "-baseline.json");
        try
        {
            Assert.Equal(0, Cli("baseline", repo.Root, "--output", file).Exit);
            string written = File.ReadAllText(file);
            Assert.Contains("\"fingerprint\"", written);
            // what another tool (or a hand edit) might add: unknown properties, null rule and path
            string edited = written.Replace("{\"rule\": \"MLO201\"", "{\"note\": {\"by\": [1, null]}, \"rule\": null", StringComparison.Ordinal)
                .Replace("\"path\": \"requirements.txt\"", "\"path\": null", StringComparison.Ordinal);
            Assert.NotEqual(written, edited);
            File.WriteAllText(file, edited.Replace("\"findings\"", "\"generator\": 3, \"findings\"", StringComparison.Ordinal));
            var r = Cli("scan", repo.Root, "--baseline", file);
            Assert.Equal(0, r.Exit);
            Assert.Equal("", r.Stderr);
            // without the baseline the finding is there (the exit 0 above is the baseline's doing)
            Assert.Equal(1, Cli("scan", repo.Root).Exit);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
