using System.Net;
using System.Text;
using System.Text.Json;
using MLOpsLint.EndToEnd.Tests.Support;

namespace MLOpsLint.EndToEnd.Tests;

/// <summary>
/// <c>scan --format github</c> with the Action's token publishes every finding as an annotation of a check run through
/// Octokit, 50 per request. A local HTTP server on 127.0.0.1 plays the GitHub API and records the requests Octokit makes;
/// when it answers 403 (a token without <c>checks: write</c>) the scan falls back to workflow commands and says so.
/// </summary>
public class GitHubChecksTests
{
    private sealed record Request(string Method, string Path, string Authorization, JsonElement Body);

    /// <summary>A fake GitHub API: check runs are created (201) and updated (200), or every request is refused (403).</summary>
    private sealed class FakeGitHub : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly Task loop;
        private readonly bool refuse;

        public FakeGitHub(bool refuse)
        {
            this.refuse = refuse;
            for (int attempt = 0; ; attempt++)
            {
                Port = Random.Shared.Next(20000, 60000);
                listener.Prefixes.Clear();
                listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
                try
                {
                    listener.Start();
                    break;
                }
                catch (HttpListenerException) when (attempt < 20)
                {
                    listener.Close();
                    listener = new HttpListener();
                }
            }
            loop = Task.Run(Serve);
        }

        public int Port { get; }

        public List<Request> Requests { get; } = new();

        private async Task Serve()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                string body = await reader.ReadToEndAsync();
                lock (Requests)
                {
                    Requests.Add(new Request(context.Request.HttpMethod, context.Request.Url!.AbsolutePath,
                        context.Request.Headers["Authorization"] ?? "", JsonDocument.Parse(body.Length == 0 ? "{}" : body).RootElement.Clone()));
                }
                string answer;
                if (refuse)
                {
                    context.Response.StatusCode = 403;
                    answer = "{\"message\":\"Resource not accessible by integration\",\"documentation_url\":\"https://docs.github.com/rest/checks/runs#create-a-check-run\"}";
                }
                else
                {
                    context.Response.StatusCode = context.Request.HttpMethod == "POST" ? 201 : 200;
                    answer = "{\"id\":4242,\"name\":\"mlops-lint\",\"head_sha\":\"0123456789abcdef0123456789abcdef01234567\",\"status\":\"in_progress\"}";
                }
                context.Response.ContentType = "application/json; charset=utf-8";
                var bytes = Encoding.UTF8.GetBytes(answer);
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }

        public void Dispose()
        {
            // one call that stops and closes: Stop() then Close() makes the managed listener bind the port again to
            // remove its prefix, which fails when another process has taken the port meanwhile (seen in a full run)
            listener.Abort();
            try { loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        }
    }

    /// <summary>120 unpinned requirements (MLO201 warnings) and one password in a URL (an MLO403 error).</summary>
    private static TempRepo ManyFindings()
    {
        var repo = TempRepo.Git();
        repo.Write("requirements.txt", string.Concat(Enumerable.Range(1, 120).Select(i => $"package{i}\n")));
        repo.Write("config.py", "DB = 'postgresql://trainer:Xk9vQ2mLp7Rt@db.internal:5432/ml'\n");
        repo.Commit();
        return repo;
    }

    private static Dictionary<string, string?> Env(FakeGitHub api, string summary) => new()
    {
        ["MLOPS_LINT_GITHUB_TOKEN"] = "test-token-not-a-secret",
        ["GITHUB_API_URL"] = $"http://127.0.0.1:{api.Port}/",
        ["GITHUB_REPOSITORY"] = "octo/ml",
        ["GITHUB_SHA"] = "1111111111111111111111111111111111111111",
        ["MLOPS_LINT_HEAD_SHA"] = "0123456789abcdef0123456789abcdef01234567",
        ["GITHUB_STEP_SUMMARY"] = summary,
    };

    [Fact]
    public void Every_finding_is_a_check_run_annotation_in_batches_of_50()
    {
        using var repo = ManyFindings();
        using var api = new FakeGitHub(refuse: false);
        string summary = Path.Combine(repo.Root, "..", Path.GetFileName(repo.Root) + "-summary.md");
        var r = CliRunner.Process(Env(api, summary), "scan", repo.Root, "--format", "github", "--select", "MLO2,MLO4");
        try
        {
            Assert.Equal(1, r.ExitCode);
            Assert.DoesNotContain("::warning", r.Stdout); // nothing left to the 10-per-severity workflow commands
            Assert.DoesNotContain("::error", r.Stdout);

            var requests = api.Requests;
            Assert.Equal(new[] { "POST", "PATCH", "PATCH", "PATCH" }, requests.Select(q => q.Method));
            Assert.Equal("/api/v3/repos/octo/ml/check-runs", requests[0].Path);
            Assert.All(requests.Skip(1), q => Assert.Equal("/api/v3/repos/octo/ml/check-runs/4242", q.Path));
            Assert.All(requests, q => Assert.Equal("token test-token-not-a-secret", q.Authorization, ignoreCase: true)); // Octokit writes "Token"
            Assert.Equal("mlops-lint", requests[0].Body.GetProperty("name").GetString());
            Assert.Equal("0123456789abcdef0123456789abcdef01234567", requests[0].Body.GetProperty("head_sha").GetString());

            var batches = requests.Take(3).Select(q => q.Body.GetProperty("output").GetProperty("annotations").EnumerateArray().ToArray()).ToArray();
            Assert.Equal(new[] { 50, 50, 21 }, batches.Select(b => b.Length));
            var all = batches.SelectMany(b => b).ToArray();
            Assert.Equal("failure", all[0].GetProperty("annotation_level").GetString()); // the credential error first
            Assert.Equal("config.py", all[0].GetProperty("path").GetString());
            Assert.DoesNotContain("Xk9vQ2mLp7Rt", all[0].GetProperty("message").GetString()); // redacted, as everywhere
            Assert.Equal(120, all.Count(a => a.GetProperty("path").GetString() == "requirements.txt"));
            Assert.Equal(Enumerable.Range(1, 120), all.Skip(1).Select(a => a.GetProperty("start_line").GetInt32()));

            var done = requests[3].Body;
            Assert.Equal("completed", done.GetProperty("status").GetString());
            Assert.Equal("failure", done.GetProperty("conclusion").GetString());
            Assert.Contains("All 121 findings are annotations of the check run **mlops-lint**", File.ReadAllText(summary));
        }
        finally
        {
            File.Delete(summary);
        }
    }

    [Fact]
    public void Without_checks_write_it_falls_back_to_workflow_commands_and_says_so()
    {
        using var repo = ManyFindings();
        using var api = new FakeGitHub(refuse: true);
        string summary = Path.Combine(repo.Root, "..", Path.GetFileName(repo.Root) + "-summary.md");
        var r = CliRunner.Process(Env(api, summary), "scan", repo.Root, "--format", "github", "--select", "MLO2,MLO4");
        try
        {
            Assert.Equal(1, r.ExitCode);
            var request = Assert.Single(api.Requests);
            Assert.Equal("POST", request.Method);
            Assert.Equal(120, r.Stdout.Split('\n').Count(l => l.StartsWith("::warning ", StringComparison.Ordinal)));
            Assert.Single(r.Stdout.Split('\n'), l => l.StartsWith("::error ", StringComparison.Ordinal));
            Assert.Contains("the check run could not be written", r.Stderr);
            string text = File.ReadAllText(summary);
            Assert.Contains("give the job `permissions: checks: write`", text);
            Assert.Contains("findings are not shown as annotations", text);
        }
        finally
        {
            File.Delete(summary);
        }
    }

    [Fact]
    public void Without_a_token_nothing_is_requested()
    {
        using var repo = ManyFindings();
        using var api = new FakeGitHub(refuse: false);
        var env = Env(api, Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".md"));
        env["MLOPS_LINT_GITHUB_TOKEN"] = null;
        var r = CliRunner.Process(env, "scan", repo.Root, "--format", "github", "--select", "MLO2");
        Assert.Equal(1, r.ExitCode);
        Assert.Empty(api.Requests);
        Assert.Contains("::warning ", r.Stdout);
        File.Delete(env["GITHUB_STEP_SUMMARY"]!);
    }
}
