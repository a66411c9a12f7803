using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;
using Octokit;

namespace MLOpsLint.Cli.Reporting;

/// <summary>
/// Every finding as an annotation of a check run, through the Checks API (Octokit): past the 10 annotations per
/// severity that workflow commands get. GitHub takes at most 50 annotations per request, so the run is created with the
/// first 50 and updated with the next 50 until all are sent, then completed. Used by <c>--format github</c> when the
/// Action hands over a token (<c>MLOPS_LINT_GITHUB_TOKEN</c>); a token that may not write checks (no
/// <c>checks: write</c>) answers 403, and the caller falls back to workflow commands.
/// </summary>
internal static class GitHubChecks
{
    public const int BatchSize = 50;
    public const string CheckName = "mlops-lint";

    public sealed record Target(string Token, Uri ApiUrl, string Owner, string Repository, string HeadSha);

    public enum Status
    {
        Published,
        NotPermitted,
        Failed,
    }

    public sealed record Result(Status Status, string Detail, int Requests);

    /// <summary>The check run's target from the Action's environment, or null when no token was handed over.</summary>
    public static Target? FromEnvironment(Func<string, string?> env)
    {
        string? token = env("MLOPS_LINT_GITHUB_TOKEN");
        string? repository = env("GITHUB_REPOSITORY");
        string? sha = env("MLOPS_LINT_HEAD_SHA") is { Length: > 0 } head ? head : env("GITHUB_SHA");
        if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(repository) || string.IsNullOrEmpty(sha) || repository!.IndexOf('/') <= 0) return null;
        string api = env("GITHUB_API_URL") is { Length: > 0 } url ? url : "https://api.github.com";
        if (!Uri.TryCreate(api, UriKind.Absolute, out var apiUri)) return null;
        int slash = repository.IndexOf('/');
        return new Target(token!, apiUri, repository.Substring(0, slash), repository.Substring(slash + 1), sha!);
    }

    public static Result Publish(Target target, ScanReport report, string pathPrefix)
    {
        var client = new GitHubClient(new ProductHeaderValue("mlops-lint", VersionInfo.Version), target.ApiUrl)
        {
            Credentials = new Credentials(target.Token),
        };
        var annotations = GitHubReporter.Ordered(report.Findings).Select(f => Annotation(f, pathPrefix)).ToList();
        var batches = new List<List<NewCheckRunAnnotation>>();
        for (int i = 0; i < annotations.Count; i += BatchSize) batches.Add(annotations.GetRange(i, Math.Min(BatchSize, annotations.Count - i)));
        if (batches.Count == 0) batches.Add(new List<NewCheckRunAnnotation>());
        string title = Title(report);
        string summary = $"{title}. Every finding is an annotation of this check; the job summary lists them with links to the rule pages.";
        int requests = 0;
        try
        {
            var run = client.Check.Run.Create(target.Owner, target.Repository, new NewCheckRun(CheckName, target.HeadSha)
            {
                Status = CheckStatus.InProgress,
                Output = new NewCheckRunOutput(title, summary) { Annotations = batches[0] },
            }).GetAwaiter().GetResult();
            requests++;
            foreach (var batch in batches.Skip(1))
            {
                client.Check.Run.Update(target.Owner, target.Repository, run.Id, new CheckRunUpdate
                {
                    Output = new NewCheckRunOutput(title, summary) { Annotations = batch },
                }).GetAwaiter().GetResult();
                requests++;
            }
            client.Check.Run.Update(target.Owner, target.Repository, run.Id, new CheckRunUpdate
            {
                Status = CheckStatus.Completed,
                Conclusion = report.Result.HasFailures(report.FailLevel) ? CheckConclusion.Failure : CheckConclusion.Success,
                CompletedAt = DateTimeOffset.UtcNow,
            }).GetAwaiter().GetResult();
            requests++;
            return new Result(Status.Published, $"{annotations.Count} annotations in {batches.Count} batches", requests);
        }
        catch (Exception e) when (e is ForbiddenException or AuthorizationException or NotFoundException)
        {
            return new Result(Status.NotPermitted, e.Message, requests + 1);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or TaskCanceledException)
        {
            return new Result(Status.Failed, e.Message, requests + 1);
        }
    }

    private static string Title(ScanReport report)
    {
        var f = report.Findings;
        return f.Count == 0
            ? "No findings"
            : $"{TextReporter.Plural(f.Count, "finding")}: {f.Count(x => x.Severity == Severity.Error)} errors, {f.Count(x => x.Severity == Severity.Warning)} warnings, {f.Count(x => x.Severity == Severity.Suggestion)} suggestions";
    }

    private static NewCheckRunAnnotation Annotation(Finding f, string pathPrefix)
    {
        var level = f.Severity switch
        {
            Severity.Error => CheckAnnotationLevel.Failure,
            Severity.Warning => CheckAnnotationLevel.Warning,
            _ => CheckAnnotationLevel.Notice,
        };
        int start = Math.Max(1, f.Span.StartLine);
        int end = Math.Max(start, f.Span.EndLine);
        string hint = f.LocationHint != null ? $" ({f.LocationHint})" : "";
        var annotation = new NewCheckRunAnnotation(pathPrefix + f.Path, start, end, level, $"{f.Message}{hint}\nFix: {f.Fix}")
        {
            Title = $"{f.RuleId}: {f.Rule.Title}",
            RawDetails = f.Rule.HelpUri,
        };
        // columns only on one line, as GitHub requires
        if (start == end && f.Span.EndColumn > f.Span.StartColumn && f.Span.StartColumn > 0)
        {
            annotation.StartColumn = f.Span.StartColumn;
            annotation.EndColumn = f.Span.EndColumn;
        }
        return annotation;
    }
}
