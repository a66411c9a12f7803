using System.IO.Compression;
using System.Text;
using MLOpsLint.Cli.Dependencies;
using MLOpsLint.Cli.Tests.Support;
using MLOpsLint.Core.Findings;

namespace MLOpsLint.Cli.Tests.Dependencies;

/// <summary>
/// <c>scan --online</c> against a local folder feed of real .nupkg files (no internet): the fix text names the newest
/// stable version; an unreachable feed is a warning with the offline text; without the flag nothing is looked up.
/// All in one class, so xunit runs them one after another (the construction counter is process-wide).
/// </summary>
public class OnlineVersionTests
{
    private const string Project =
        "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n"
        + "    <PackageReference Include=\"Acme.ML\" Version=\"3.*\" />\n"
        + "    <PackageReference Include=\"Acme.Data\" Version=\"(1.0,)\" />\n"
        + "  </ItemGroup>\n</Project>\n";

    [Fact]
    public void Online_fix_pins_to_the_version_restore_picks_today_and_names_the_newest_where_nothing_was_written()
    {
        using var repo = TempRepo.Git();
        string feed = Path.Combine(repo.Root, "..", Path.GetFileName(repo.Root) + "-feed");
        try
        {
            Directory.CreateDirectory(feed);
            foreach (var v in new[] { "2.9.0", "3.0.1", "3.0.0", "3.1.0-beta.1", "4.0.0" }) WritePackage(feed, "Acme.ML", v);
            foreach (var v in new[] { "1.0.0", "1.0.5", "1.2.0", "2.0.0-rc.1", "5.0.0" }) WritePackage(feed, "Acme.Data", v);
            foreach (var v in new[] { "1.0.0", "2.0.0" }) WritePackage(feed, "Acme.Tools", v);
            repo.Write("NuGet.Config", Config(feed));
            repo.Write("src/App/App.csproj", Project.Replace("  </ItemGroup>", "    <PackageReference Include=\"Acme.Tools\" />\n  </ItemGroup>"));
            repo.Write("src/Other/Other.csproj", Project);
            repo.Commit();

            var (exit, stdout, stderr) = Cli("scan", repo.Root, "--select", "MLO210", "--no-color", "--online");

            Assert.Equal(1, exit);
            Assert.DoesNotContain("warning", stderr);
            // 3.* floats to the newest 3.x (not 4.0.0, not the beta); (1.0,) takes the lowest above 1.0 (not 5.0.0)
            Assert.Contains("Version=\"3.0.1\" (3.0.1 is what restore picks for 3.* from the configured NuGet feeds today)", stdout);
            Assert.Contains("Version=\"1.0.5\" (1.0.5 is what restore picks for (1.0,) from the configured NuGet feeds today)", stdout);
            Assert.Contains("Version=\"2.0.0\" /> (2.0.0 is the newest stable version of Acme.Tools on the configured NuGet feeds)", stdout);
            Assert.DoesNotContain("4.0.0", stdout);
            Assert.DoesNotContain("5.0.0", stdout);
            Assert.DoesNotContain("<version>", stdout);
        }
        finally
        {
            Directory.Delete(feed, recursive: true);
        }
    }

    [Fact]
    public void A_range_nothing_on_the_feeds_satisfies_keeps_the_offline_advice()
    {
        using var repo = TempRepo.Folder();
        string feed = Path.Combine(repo.Root, "feed");
        Directory.CreateDirectory(feed);
        WritePackage(feed, "Acme.ML", "2.0.0");
        repo.Write("NuGet.Config", Config(feed));
        repo.Write("src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"Acme.ML\" Version=\"3.*\" /></ItemGroup></Project>\n");

        var (_, stdout, stderr) = Cli("scan", repo.Root, "--select", "MLO210", "--no-color", "--online");

        Assert.DoesNotContain("warning", stderr);
        Assert.Contains("pin it: Version=\"<version>\"", stdout);
        Assert.DoesNotContain("2.0.0", stdout);
    }

    [Fact]
    public void Each_package_is_asked_once_per_run()
    {
        using var repo = TempRepo.Folder();
        string feed = Path.Combine(repo.Root, "feed");
        Directory.CreateDirectory(feed);
        WritePackage(feed, "Acme.ML", "1.0.0");
        repo.Write("NuGet.Config", Config(feed));
        using var lookup = new OnlineVersionLookup(repo.Root);
        var warnings = new List<ScanDiagnostic>();

        var first = lookup.StableVersions(new[] { "Acme.ML", "acme.ml", "Acme.ML", "Missing.Package" }, warnings);
        var second = lookup.StableVersions(new[] { "ACME.ML" }, warnings);

        Assert.Empty(warnings);
        Assert.Equal(2, lookup.Queries);
        Assert.Equal(new[] { "1.0.0" }, first["Acme.ML"]!.Select(v => v.ToNormalizedString()));
        Assert.Null(first["Missing.Package"]);
        Assert.Equal(new[] { "1.0.0" }, second["ACME.ML"]!.Select(v => v.ToNormalizedString()));
    }

    [Fact]
    public void An_unreachable_feed_is_a_warning_and_the_fix_stays_offline()
    {
        using var repo = TempRepo.Git();
        string missingFeed = Path.Combine(repo.Root, "no-such-feed");
        repo.Write("NuGet.Config", Config(missingFeed));
        repo.Write("App.csproj", Project);
        repo.Commit();

        var offline = Cli("scan", repo.Root, "--select", "MLO210", "--no-color");
        var online = Cli("scan", repo.Root, "--select", "MLO210", "--no-color", "--online");

        Assert.Equal(offline.Exit, online.Exit);
        Assert.Equal(1, online.Exit);
        Assert.Contains("warning: --online: NuGet feed 'local' cannot be reached", online.Stderr);
        Assert.Contains("does not exist", online.Stderr);
        Assert.Contains("pin it: Version=\"<version>\"", online.Stdout);
        Assert.Equal(offline.Stdout, online.Stdout);
    }

    [Fact]
    public void A_feed_that_does_not_answer_is_a_warning_within_the_time_budget()
    {
        // a local "server" that accepts connections and never says a word
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var held = new List<System.Net.Sockets.TcpClient>();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true) held.Add(await listener.AcceptTcpClientAsync());
            }
            catch (Exception)
            {
                // stopped
            }
        });
        try
        {
            using var repo = TempRepo.Folder();
            int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            repo.Write("NuGet.Config",
                "<configuration>\n  <packageSources>\n    <clear />\n"
                + $"    <add key=\"silent\" value=\"http://127.0.0.1:{port}/v3/index.json\" allowInsecureConnections=\"true\" />\n"
                + "  </packageSources>\n</configuration>\n");
            using var lookup = new OnlineVersionLookup(repo.Root, TimeSpan.FromSeconds(1));
            var warnings = new List<ScanDiagnostic>();
            var clock = System.Diagnostics.Stopwatch.StartNew();

            var found = lookup.StableVersions(new[] { "Acme.ML" }, warnings);

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
            Assert.Null(found["Acme.ML"]);
            var w = Assert.Single(warnings);
            Assert.Equal(ScanDiagnosticLevel.Warning, w.Level);
            Assert.Contains("NuGet feed 'silent' did not answer within 1 s", w.Message);
        }
        finally
        {
            listener.Stop();
            foreach (var c in held) c.Dispose();
        }
    }

    [Fact]
    public void Without_the_flag_no_lookup_is_built()
    {
        using var repo = TempRepo.Git();
        repo.Write("NuGet.Config", Config(Path.Combine(repo.Root, "no-such-feed")));
        repo.Write("App.csproj", Project);
        repo.Commit();
        int before = OnlineVersionLookup.Constructed;

        var (exit, stdout, stderr) = Cli("scan", repo.Root, "--select", "MLO210", "--no-color");

        Assert.Equal(1, exit);
        Assert.Equal(before, OnlineVersionLookup.Constructed);
        Assert.DoesNotContain("--online", stderr);
        Assert.Contains("pin it: Version=\"<version>\"", stdout);
    }

    [Theory]
    [InlineData("pin it: Version=\"<version>\" — a single version such as 1.2.3, or [1.2.3] for exactly that version (dotnet list package shows the one restored today)",
        "pin it: Version=\"3.0.1\" (3.0.1 is the newest stable version of X on the configured NuGet feeds)")]
    [InlineData("add the version: <PackageReference Include=\"X\" Version=\"<version>\" /> (dotnet list package shows the one restored today)",
        "add the version: <PackageReference Include=\"X\" Version=\"3.0.1\" /> (3.0.1 is the newest stable version of X on the configured NuGet feeds)")]
    [InlineData("pin it: dotnet tool install X --version <version> writes \"version\": \"<version>\"",
        "pin it: dotnet tool install X --version 3.0.1 writes \"version\": \"3.0.1\" (3.0.1 is the newest stable version of X on the configured NuGet feeds)")]
    [InlineData("pin it: \"version\": \"<version>\" (dotnet tool list shows the installed version)",
        "pin it: \"version\": \"3.0.1\" (3.0.1 is the newest stable version of X on the configured NuGet feeds)")]
    public void Pinned_hint_fills_in_the_version(string offline, string expected)
    {
        Assert.Equal(expected, OnlineFixHints.PinnedHint(offline, "X", "3.0.1"));
    }

    private static string Config(string feed) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n"
        + $"    <add key=\"local\" value=\"{feed}\" />\n  </packageSources>\n</configuration>\n";

    /// <summary>A minimal real package: a zip holding the .nuspec (what NuGet reads identity and version from) and one file.</summary>
    private static void WritePackage(string feed, string id, string version)
    {
        string path = Path.Combine(feed, $"{id}.{version}.nupkg".ToLowerInvariant());
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(zip, id + ".nuspec",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\">\n"
            + $"  <metadata>\n    <id>{id}</id>\n    <version>{version}</version>\n    <authors>test</authors>\n    <description>test package</description>\n  </metadata>\n</package>\n");
        Add(zip, "lib/net8.0/_._", "");
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var s = zip.CreateEntry(name).Open();
        s.Write(Encoding.UTF8.GetBytes(text));
    }

    private static (int Exit, string Stdout, string Stderr) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = MLOpsLint.Cli.Program.Run(args, stdout, stderr, false, false);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
