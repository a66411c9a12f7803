using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Parsing.Shell;
using YamlDotNet.RepresentationModel;

namespace MLOpsLint.Core.Parsing.Workflows;

/// <summary>A scalar from a workflow, with its text mapped to the document.</summary>
public sealed class WorkflowValue
{
    public WorkflowValue(string value, OffsetText text, int line)
    {
        Value = value;
        Text = text;
        Line = line;
    }

    public string Value { get; }

    public OffsetText Text { get; }

    /// <summary>1-based line of the value's first character.</summary>
    public int Line { get; }

    public int Start => Text.DocOffset(0);

    public int End => Text.DocOffset(Text.Length);

    public override string ToString() => Value;
}

/// <summary>A step (<c>uses:</c> or <c>run:</c>) of a job or of a composite action.</summary>
public sealed class WorkflowStep
{
    public WorkflowStep(WorkflowJob? job, int index)
    {
        Job = job;
        Index = index;
    }

    /// <summary>The job, or null for a composite action's <c>runs.steps</c>.</summary>
    public WorkflowJob? Job { get; }

    public int Index { get; }

    public WorkflowValue? Uses { get; internal set; }

    public WorkflowValue? Run { get; internal set; }

    public WorkflowValue? Name { get; internal set; }

    /// <summary>1-based line of the step's first key (the <c>-</c> item).</summary>
    public int Line { get; internal set; }

    /// <summary><c>with:</c> inputs by name.</summary>
    public Dictionary<string, WorkflowValue> With { get; } = new(StringComparer.Ordinal);
}

/// <summary>A job: its steps, a reusable-workflow <c>uses:</c>, its matrix, container and service images.</summary>
public sealed class WorkflowJob
{
    public WorkflowJob(string id, int line)
    {
        Id = id;
        Line = line;
    }

    public string Id { get; }

    public int Line { get; }

    /// <summary><c>jobs.&lt;id&gt;.uses</c> (a reusable workflow), or null.</summary>
    public WorkflowValue? Uses { get; internal set; }

    public List<WorkflowStep> Steps { get; } = new();

    /// <summary><c>strategy.matrix</c> values per key, from the key's list and from <c>include</c> entries.</summary>
    public Dictionary<string, List<WorkflowValue>> Matrix { get; } = new(StringComparer.Ordinal);

    /// <summary>The matrix is computed (<c>matrix: ${{ fromJSON(...) }}</c>) and cannot be read statically.</summary>
    public bool MatrixIsDynamic { get; internal set; }

    /// <summary><c>container:</c> / <c>container.image</c> and <c>services.*.image</c> values.</summary>
    public List<WorkflowValue> Images { get; } = new();
}

/// <summary>
/// A GitHub Actions workflow (<c>.github/workflows/*.yml</c>) or action metadata file (<c>action.yml</c>),
/// read with YamlDotNet's representation model: jobs, steps with <c>uses:</c>/<c>with:</c>/<c>run:</c> values and
/// their positions, matrices (including <c>include</c>), container and service images.
/// </summary>
public sealed class WorkflowFile
{
    public bool IsAction { get; private set; }

    public List<WorkflowJob> Jobs { get; } = new();

    /// <summary>Every step: the jobs' steps, then a composite action's <c>runs.steps</c>.</summary>
    public List<WorkflowStep> Steps { get; } = new();

    /// <summary>A Docker action's <c>runs.image</c>, or null.</summary>
    public WorkflowValue? ActionImage { get; private set; }

    /// <summary>The folders the workflow is about (<c>on.*.paths</c>, <c>working-directory</c>), outermost and innermost alike;
    /// empty when it names none or names the repository root (a workflow about the whole repository).</summary>
    public List<string> ProjectFolders { get; } = new();

    public (int Line, string Message)? Error { get; private set; }

    public static WorkflowFile Of(SourceDocument document) => document.GetOrAdd(d => Parse(d));

    public static WorkflowFile Parse(SourceDocument document)
    {
        var file = new WorkflowFile { IsAction = document.Kind == DocumentKind.GitHubAction };
        if (!YamlText.TryLoad(document.Text, out var root, out int line, out var error))
        {
            file.Error = (line, "malformed YAML: " + error);
            return file;
        }
        var lines = document.Lines;
        WorkflowValue? Value(YamlNode? node) =>
            node is YamlScalarNode s && s.Value != null ? new WorkflowValue(s.Value, YamlText.ScalarText(s, lines), YamlText.Line(s)) : null;

        if (YamlText.Get(root, "jobs") is YamlMappingNode jobs)
        {
            foreach (var kv in jobs.Children)
            {
                if (kv.Key is not YamlScalarNode id || kv.Value is not YamlMappingNode jobNode) continue;
                var job = new WorkflowJob(id.Value ?? "", YamlText.Line(id)) { Uses = Value(YamlText.Get(jobNode, "uses")) };
                ReadMatrix(job, YamlText.Get(YamlText.Get(jobNode, "strategy"), "matrix"), Value);
                var container = YamlText.Get(jobNode, "container");
                var image = container is YamlScalarNode ? Value(container) : Value(YamlText.Get(container, "image"));
                if (image != null) job.Images.Add(image);
                if (YamlText.Get(jobNode, "services") is YamlMappingNode services)
                {
                    foreach (var svc in services.Children)
                    {
                        var svcImage = Value(YamlText.Get(svc.Value, "image"));
                        if (svcImage != null) job.Images.Add(svcImage);
                    }
                }
                ReadSteps(file, job, YamlText.Get(jobNode, "steps"), Value);
                file.Jobs.Add(job);
            }
        }
        ReadProjectFolders(file, root);
        var runs = YamlText.Get(root, "runs");
        if (runs != null)
        {
            ReadSteps(file, null, YamlText.Get(runs, "steps"), Value);
            file.ActionImage = Value(YamlText.Get(runs, "image"));
        }
        return file;
    }

    /// <summary>The folders a workflow is about: its triggers' <c>paths</c> filters (up to the first wildcard) and the
    /// <c>working-directory</c> of its steps and run defaults. Empty when it names none (then it is about the whole repository).</summary>
    private static void ReadProjectFolders(WorkflowFile file, YamlNode? root)
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        bool whole = false;
        void Folder(string? raw, bool isGlob)
        {
            if (raw == null) return;
            string v = raw.Trim().Trim('"', '\'');
            if (v.StartsWith("!", StringComparison.Ordinal) || v.Contains("${{", StringComparison.Ordinal)) return;
            if (v.StartsWith("./", StringComparison.Ordinal)) v = v.Substring(2);
            if (isGlob)
            {
                // '06-best-practices/code/**' names 06-best-practices/code; 'src/x.py' and 'src/*.py' the folder src
                int wild = v.IndexOfAny(new[] { '*', '?', '[', '{' });
                string head = wild < 0 ? v : v.Substring(0, wild);
                int slash = head.LastIndexOf('/');
                v = slash < 0 ? "" : head.Substring(0, slash);
            }
            v = v.TrimEnd('/');
            if (v.Length == 0 || v == ".") whole = true;
            else if (!v.StartsWith(".github", StringComparison.Ordinal)) folders.Add(v);
        }
        if (YamlText.Get(root, "on") is YamlMappingNode on)
        {
            foreach (var trigger in on.Children)
            {
                if (YamlText.Get(trigger.Value, "paths") is YamlSequenceNode paths)
                {
                    foreach (var p in paths.Children) Folder(YamlText.Scalar(p), true);
                }
            }
        }
        Folder(YamlText.Scalar(YamlText.Get(YamlText.Get(YamlText.Get(root, "defaults"), "run"), "working-directory")), false);
        if (YamlText.Get(root, "jobs") is YamlMappingNode jobs)
        {
            foreach (var job in jobs.Children)
            {
                Folder(YamlText.Scalar(YamlText.Get(YamlText.Get(YamlText.Get(job.Value, "defaults"), "run"), "working-directory")), false);
                if (YamlText.Get(job.Value, "steps") is not YamlSequenceNode steps) continue;
                foreach (var step in steps.Children) Folder(YamlText.Scalar(YamlText.Get(step, "working-directory")), false);
            }
        }
        if (!whole) file.ProjectFolders.AddRange(folders);
    }

    private static void ReadSteps(WorkflowFile file, WorkflowJob? job, YamlNode? steps, Func<YamlNode?, WorkflowValue?> value)
    {
        if (steps is not YamlSequenceNode seq) return;
        int index = 0;
        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode stepNode) continue;
            var step = new WorkflowStep(job, index++)
            {
                Uses = value(YamlText.Get(stepNode, "uses")),
                Run = value(YamlText.Get(stepNode, "run")),
                Name = value(YamlText.Get(stepNode, "name")),
                Line = YamlText.Line(stepNode),
            };
            if (YamlText.Get(stepNode, "with") is YamlMappingNode with)
            {
                foreach (var kv in with.Children)
                {
                    if (kv.Key is YamlScalarNode k && k.Value != null && value(kv.Value) is { } v) step.With[k.Value] = v;
                }
            }
            job?.Steps.Add(step);
            file.Steps.Add(step);
        }
    }

    private static void ReadMatrix(WorkflowJob job, YamlNode? matrix, Func<YamlNode?, WorkflowValue?> value)
    {
        if (matrix is YamlScalarNode) job.MatrixIsDynamic = true;
        if (matrix is not YamlMappingNode map) return;
        void Add(string key, WorkflowValue v)
        {
            if (!job.Matrix.TryGetValue(key, out var list)) job.Matrix[key] = list = new List<WorkflowValue>();
            list.Add(v);
        }
        foreach (var kv in map.Children)
        {
            if (kv.Key is not YamlScalarNode k || k.Value == null) continue;
            if (k.Value == "include" && kv.Value is YamlSequenceNode includes)
            {
                foreach (var inc in includes.Children.OfType<YamlMappingNode>())
                {
                    foreach (var ikv in inc.Children)
                    {
                        if (ikv.Key is YamlScalarNode ik && ik.Value != null && value(ikv.Value) is { } iv) Add(ik.Value, iv);
                    }
                }
                continue;
            }
            if (k.Value == "exclude") continue;
            if (kv.Value is YamlSequenceNode values)
            {
                foreach (var v in values.Children)
                {
                    if (value(v) is { } wv) Add(k.Value, wv);
                }
            }
            else if (value(kv.Value) is { } single)
            {
                if (single.Value.Contains("${{")) job.MatrixIsDynamic = true;
                Add(k.Value, single);
            }
        }
    }
}
