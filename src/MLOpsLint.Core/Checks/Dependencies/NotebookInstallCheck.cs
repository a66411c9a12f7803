using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Parsing.Shell;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Notebooks;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks.Dependencies;

/// <summary>
/// MLO212: <c>!pip install x</c>, <c>%pip install x</c>, <c>%conda install x</c>, <c>!python -m pip install x</c>,
/// <c>!uv pip install x</c> and <c>%%bash</c>/<c>%%sh</c> body lines in notebook code cells, read from the front end's
/// <see cref="PythonModule.MagicLines"/> and judged by <see cref="InstallCommandCheck"/>'s shared logic (the same
/// parser, the same pin decisions, <c>-r</c>/<c>-c</c> files read from the repository). Findings land on the word in the
/// .ipynb and carry the cell line for <c># noqa</c>. Mutable VCS/URL arguments are MLO211's, as everywhere.
/// A repository check because <c>-r requirements.txt</c> is read from the repository; its document part notes which
/// notebooks have install lines while they are parsed, so that only those are parsed again.
/// </summary>
public sealed class NotebookInstallCheck : IRepositoryCheck, IDocumentCheck, IDocumentSummarizer
{
    /// <summary>IPython line magics that install (<c>%pip</c>, <c>%conda</c>, <c>%mamba</c>, <c>%micromamba</c>, <c>%uv</c>).</summary>
    private static readonly HashSet<string> InstallMagics = new(StringComparer.Ordinal) { "pip", "conda", "mamba", "micromamba", "uv" };

    /// <summary>Line magics that run the rest of the line in a shell.</summary>
    private static readonly HashSet<string> ShellMagics = new(StringComparer.Ordinal) { "sx", "system" };

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO212, RuleCatalog.MLO211 };

    public bool AppliesTo(SourceDocument document) => document.Kind == DocumentKind.Notebook && document.HasText;

    /// <summary>Warns about a malformed notebook and notes whether it has install lines, while its module is at hand
    /// (the engine drops the module when the document's checks are done).</summary>
    public void Check(SourceDocument document, CheckContext context)
    {
        PythonModule.Of(document, context);
        HasInstallLines(document);
    }

    public bool Summarizes(SourceDocument document) => AppliesTo(document);

    /// <summary>Whether the notebook has install lines, in every scope (the repository pass asks about every notebook).</summary>
    public void Summarize(SourceDocument document, CheckContext context) => HasInstallLines(document);

    public void Check(RepositorySnapshot repository, CheckContext context)
    {
        PythonProjects? projects = null;
        foreach (var doc in repository.Documents)
        {
            // findings land on the notebook itself: one that is not reported (a staged scan) need not be parsed
            if (doc.Kind != DocumentKind.Notebook || !doc.HasText || !context.IsReported(doc.Path) || !HasInstallLines(doc)) continue;
            var module = PythonModule.Of(doc, context);
            if (module.Notebook == null || module.MagicLines.Count == 0) continue;
            foreach (var (magic, cell, shell, start) in InstallLines(module))
            {
                // How the user ran it, for messages and fixes: %pip, !pip, or plain pip in a %%bash cell.
                string prefix = magic.Kind == MagicKind.LineMagic ? (InstallMagics.Contains(magic.Name) ? "%" : "!")
                    : start > 0 && cell.Source.Value[start - 1] == '!' ? "!" : "";
                var site = new InstallSite(doc, RuleCatalog.MLO212, prefix, (s, e) => cell.Source.SpanOf(s, Math.Max(s + 1, e)),
                    f => f with { SuppressionText = magic.SourceLine, LocationHint = magic.LocationHint });
                foreach (var cmd in ShellParser.Parse(shell, start))
                {
                    if (InstallCommandParser.Parse(cmd) is not { Installer: not (Installer.Apt or Installer.Apk) } install) continue;
                    MarkPythonExpansions(install);
                    projects ??= new PythonProjects(repository);
                    InstallCommandCheck.CheckInstall(site, install, null, null, repository, projects, context);
                }
            }
        }
    }

    /// <summary>True when <see cref="InstallLines"/> finds something in the notebook (cached on the document).</summary>
    private static bool HasInstallLines(SourceDocument notebook) =>
        notebook.GetOrAdd(d => new InstallLineFlag(InstallLines(PythonModule.Of(d)).Any())).Value;

    private sealed class InstallLineFlag
    {
        public InstallLineFlag(bool value) => Value = value;

        public bool Value { get; }
    }

    /// <summary>The magic lines of a notebook that may install (the shell text contains "install"), each with its cell,
    /// the shell text and where that text starts in the cell's source (for <see cref="NotebookCell.SpanOf"/>).
    /// Shared with the environment facts (notebook pins, <see cref="Environments.FactReader"/>).</summary>
    internal static IEnumerable<(MagicLine Magic, NotebookCell Cell, string Shell, int Start)> InstallLines(PythonModule module)
    {
        if (module.Notebook == null || module.MagicLines.Count == 0) yield break;
        Dictionary<int, int[]>? lineStarts = null;
        foreach (var magic in module.MagicLines)
        {
            if (ShellText(magic) is not { } shell || shell.IndexOf("install", StringComparison.Ordinal) < 0) continue;
            if (magic.CellIndex is not int cellIndex || magic.Location.CellLine is not int cellLine) continue;
            var cell = module.Notebook.Cells.FirstOrDefault(c => c.Index == cellIndex);
            if (cell == null) continue;
            lineStarts ??= new Dictionary<int, int[]>();
            if (!lineStarts.TryGetValue(cellIndex, out var starts)) lineStarts[cellIndex] = starts = LineStarts(cell.Source.Value);
            if (cellLine - 1 >= starts.Length) continue;
            // The shell text is a suffix of the cell line (trailing blanks aside): map it into the cell's source.
            int start = starts[cellLine - 1] + magic.Line.TrimEnd().Length - shell.Length;
            if (start < 0 || string.CompareOrdinal(cell.Source.Value, start, shell, 0, shell.Length) != 0) continue;
            yield return (magic, cell, shell, start);
        }
    }

    /// <summary>The shell command a magic line runs, or null: <c>!…</c> and <c>%%bash</c> body lines as they are,
    /// <c>%pip …</c>/<c>%conda …</c> as the same command, <c>%sx …</c>/<c>%system …</c> without the magic's name.</summary>
    private static string? ShellText(MagicLine magic)
    {
        switch (magic.Kind)
        {
            case MagicKind.Shell:
                return magic.Command;
            case MagicKind.LineMagic:
                string name = magic.Name;
                if (InstallMagics.Contains(name)) return magic.Command;
                if (ShellMagics.Contains(name)) return magic.Command.Substring(magic.Command.IndexOf(name, StringComparison.Ordinal) + name.Length).TrimStart();
                return null;
            default:
                return null;
        }
    }

    /// <summary>IPython expands <c>{expr}</c> in <c>!</c>/<c>%</c> lines before the shell sees them
    /// (<c>!pip install torch=={version}</c>): such words are unknown until run time, like <c>$VAR</c>.</summary>
    internal static void MarkPythonExpansions(InstallCommand install)
    {
        for (int i = 0; i < install.Packages.Count; i++)
        {
            var w = install.Packages[i];
            int open = w.Value.IndexOf('{');
            if (!w.HasExpansion && open >= 0 && w.Value.IndexOf('}', open) > open)
            {
                install.Packages[i] = new ShellWord(w.Value, w.Start, w.End, hasExpansion: true, w.IsQuoted);
            }
        }
    }

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            if (text[i] == '\n' || text[i] == '\r') starts.Add(i + 1);
        }
        return starts.ToArray();
    }
}
