using System.Text.RegularExpressions;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Parsing.Workflows;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks.Dependencies;

/// <summary>
/// MLO207 (action on a branch or without a ref), MLO208 (action on a version tag) and MLO209 (setup-python with a
/// floating or missing Python version, matrices included) in workflows and action metadata files.
/// </summary>
public sealed class WorkflowPinningCheck : IDocumentCheck
{
    private static readonly Regex FullSha = new("^(?:[0-9a-f]{40}|[0-9a-f]{64})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex VersionTag = new(@"^v?\d+(?:\.\d+){0,3}(?:[-+][0-9A-Za-z.-]+)?$", RegexOptions.CultureInvariant);
    private static readonly Regex MatrixRef = new(@"^\$\{\{\s*matrix\.([A-Za-z0-9_-]+)\s*\}\}$", RegexOptions.CultureInvariant);

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO207, RuleCatalog.MLO208, RuleCatalog.MLO209 };

    public bool AppliesTo(SourceDocument document) =>
        document.Kind is DocumentKind.GitHubWorkflow or DocumentKind.GitHubAction && document.HasText;

    public void Check(SourceDocument document, CheckContext context)
    {
        var policy = ActionPinPolicy.From(context.Options(RuleCatalog.MLO208), context.Config.RepositoryOwner,
            context.Config.RepositoryName is { Length: > 0 } name ? context.Scopes.OtherOwnersOf(name, context.Config.RepositoryOwner) : null);
        foreach (var problem in policy.Problems) context.Report(new ScanDiagnostic(ScanDiagnosticLevel.Warning, problem));
        var wf = WorkflowFile.Of(document);
        if (wf.Error is { } error)
        {
            context.Warn(document.Path, error.Message, error.Line);
            return;
        }
        var pins = new List<Finding>();
        foreach (var job in wf.Jobs)
        {
            if (job.Uses != null) CheckUses(document, job.Uses, policy, pins);
        }
        foreach (var step in wf.Steps)
        {
            if (step.Uses == null) continue;
            CheckUses(document, step.Uses, policy, pins);
            if (step.Uses.Value.StartsWith("actions/setup-python@", StringComparison.OrdinalIgnoreCase)
                || step.Uses.Value.Equals("actions/setup-python", StringComparison.OrdinalIgnoreCase))
            {
                CheckSetupPython(document, step, context);
            }
        }
        if (wf.ActionImage is { } image && image.Value.StartsWith("docker://", StringComparison.Ordinal)) CheckUses(document, image, policy, pins);
        ReportOncePerReference(pins, context);
    }

    /// <summary>One finding per reference and file: a workflow that uses <c>docker/login-action@v4</c> in four jobs is fixed
    /// by one replacement, so it gets one finding, on the first use, naming the other lines (the ecosystem run gave 12
    /// results for 3 actions in one file).</summary>
    private static void ReportOncePerReference(List<Finding> pins, CheckContext context)
    {
        foreach (var same in pins.GroupBy(f => (f.RuleId, f.Subject)))
        {
            var all = same.OrderBy(f => f.Span.StartLine).ThenBy(f => f.Span.StartColumn).ToArray();
            if (all.Length == 1)
            {
                context.Report(all[0]);
                continue;
            }
            var first = all[0];
            context.Report(first with
            {
                Message = $"{first.Message} (also on line{(all.Length > 2 ? "s" : "")} {string.Join(", ", all.Skip(1).Select(f => f.Span.StartLine))})",
                FixHint = first.Fix + $" — at all {all.Length} uses in this file",
                Related = all.Skip(1).Select(f => new Location(f.Path, f.Span) { Message = "the same reference" }).ToArray(),
            });
        }
    }

    private static void CheckUses(SourceDocument doc, WorkflowValue uses, ActionPinPolicy policy, List<Finding> pins)
    {
        string v = uses.Value.Trim();
        if (v.Length == 0 || v.StartsWith("./", StringComparison.Ordinal) || v.StartsWith("../", StringComparison.Ordinal) || v.Contains("${{")) return;
        var span = DependencyPolicy.Span(doc, uses.Start, uses.End);
        if (v.StartsWith("docker://", StringComparison.Ordinal))
        {
            string image = v.Substring(9);
            if (image.Contains("@sha256:")) return;
            int slash = image.LastIndexOf('/');
            int colon = image.LastIndexOf(':');
            string? tag = colon > slash ? image.Substring(colon + 1) : null;
            string repo = colon > slash ? image.Substring(0, colon) : image;
            var rule = tag == null || tag == "latest" ? RuleCatalog.MLO207 : RuleCatalog.MLO208;
            pins.Add(new Finding(rule, doc.Path, span,
                $"Docker action '{v}' is not pinned to a digest{(tag == null ? " and has no tag" : tag == "latest" ? " and uses :latest" : "")}")
            { FixHint = $"pin the image by digest: uses: docker://{repo}{(tag != null && tag != "latest" ? ":" + tag : ":<tag>")}@sha256:<digest>", Subject = v });
            return;
        }
        int at = v.LastIndexOf('@');
        string action = at < 0 ? v : v.Substring(0, at);
        string? gitRef = at < 0 ? null : v.Substring(at + 1);
        string ownerRepo = string.Join("/", action.Split('/').Take(2));
        if (gitRef != null && FullSha.IsMatch(gitRef)) return;
        // the owner's policy (GitHub's own actions may use a tag by default; see the MLO208 page)
        var (pin, _) = policy.For(action);
        if (pin == ActionPin.Any) return;
        if (gitRef == null)
        {
            pins.Add(new Finding(RuleCatalog.MLO207, doc.Path, span, $"Action '{action}' has no ref, so it runs whatever the default branch holds")
            { FixHint = $"pin it: uses: {action}@<40-hex sha> # <version> (git ls-remote --tags https://github.com/{ownerRepo} lists the tags and their commits)", Subject = v });
            return;
        }
        var refSpan = DependencyPolicy.Span(doc, uses.Text.DocOffset(uses.Value.IndexOf('@') < 0 ? 0 : uses.Value.LastIndexOf('@') + 1), uses.End);
        string ls = $"git ls-remote https://github.com/{ownerRepo} refs/tags/{gitRef} prints the commit";
        if (VersionTag.IsMatch(gitRef))
        {
            if (pin == ActionPin.RefPin) return;
            pins.Add(new Finding(RuleCatalog.MLO208, doc.Path, refSpan, $"Action '{action}' is pinned to the tag '{gitRef}', which its owner can move")
            { FixHint = $"pin it: uses: {action}@<40-hex sha of {gitRef}> # {gitRef} ({ls})", Subject = v });
            return;
        }
        pins.Add(new Finding(RuleCatalog.MLO207, doc.Path, refSpan, $"Action '{action}' is referenced by '{gitRef}', a branch or other movable ref")
        { FixHint = $"pin it: uses: {action}@<40-hex sha> # <version> (git ls-remote https://github.com/{ownerRepo} lists tags and branches with their commits)", Subject = v });
    }

    private static void CheckSetupPython(SourceDocument doc, WorkflowStep step, CheckContext context)
    {
        if (step.With.ContainsKey("python-version-file")) return;
        if (!step.With.TryGetValue("python-version", out var version))
        {
            context.Report(new Finding(RuleCatalog.MLO209, doc.Path, DependencyPolicy.Span(doc, step.Uses!.Start, step.Uses.End),
                "setup-python has no python-version, so the Python on the runner's PATH (which changes with the runner image) is used")
            { FixHint = "add with: python-version: \"3.11\" (or python-version-file: .python-version)" });
            return;
        }
        var candidates = new List<WorkflowValue>();
        var m = MatrixRef.Match(version.Value.Trim());
        if (m.Success)
        {
            if (step.Job == null || step.Job.MatrixIsDynamic || !step.Job.Matrix.TryGetValue(m.Groups[1].Value, out var values)) return;
            candidates.AddRange(values);
        }
        else if (version.Value.Contains("${{"))
        {
            return;
        }
        else
        {
            candidates.Add(version);
        }
        foreach (var c in candidates)
        {
            // A block value lists several versions, one per line.
            int offset = 0;
            foreach (var raw in c.Value.Split('\n'))
            {
                string v = raw.Trim();
                int lead = raw.Length - raw.TrimStart().Length;
                if (v.Length > 0 && IsFloating(v))
                {
                    int s = c.Text.DocOffset(offset + lead);
                    context.Report(new Finding(RuleCatalog.MLO209, doc.Path, DependencyPolicy.Span(doc, s, s + v.Length),
                        $"setup-python python-version '{v}' floats to whatever Python is newest")
                    { FixHint = "use a minor version: python-version: \"3.11\" (the one your Dockerfile and .python-version use), or python-version-file: .python-version" });
                }
                offset += raw.Length + 1;
            }
        }
    }

    /// <summary><c>3.x</c>, <c>3</c>, <c>x</c>, <c>latest</c>, <c>*</c>, ranges (<c>&gt;=3.9</c>, <c>^3.10</c>); a minor version
    /// (<c>3.11</c>, <c>3.11.x</c>, <c>pypy3.10</c>, <c>3.13-dev</c>) is fixed enough.</summary>
    public static bool IsFloating(string version)
    {
        string v = version.Trim().Trim('"', '\'').ToLowerInvariant();
        if (v.StartsWith("pypy", StringComparison.Ordinal)) v = v.Substring(4).TrimStart('-');
        else if (v.StartsWith("graalpy", StringComparison.Ordinal)) v = v.Substring(7).TrimStart('-');
        if (v is "latest" or "*" or "x" or "") return true;
        if (v.IndexOfAny(new[] { '>', '<', '^', '~', ' ', '|' }) >= 0) return true;
        if (v.EndsWith("-dev", StringComparison.Ordinal)) v = v.Substring(0, v.Length - 4);
        if (v.EndsWith("t", StringComparison.Ordinal)) v = v.Substring(0, v.Length - 1);
        var parts = v.Split('.');
        if (parts.Length < 2) return true;
        return parts[1] is "x" or "*" || parts[1].Length == 0;
    }
}
