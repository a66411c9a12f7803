using MLOpsLint.Core.Rules;
using MLOpsLint.Core.Text;
using OmniSharp.Extensions.LanguageServer.Protocol;
using OmniSharp.Extensions.LanguageServer.Protocol.Models;
using OmniSharp.Extensions.LanguageServer.Protocol.Server;
using OmniSharp.Extensions.LanguageServer.Protocol.Server.WorkDone;
using OmniSharp.Extensions.LanguageServer.Protocol.Window;
using OmniSharp.Extensions.LanguageServer.Protocol.Document;
using LspRange = OmniSharp.Extensions.LanguageServer.Protocol.Models.Range;

namespace MLOpsLint.Cli.Server;

/// <summary>The editor, through OmniSharp's language server: <c>textDocument/publishDiagnostics</c>,
/// <c>window/logMessage</c> and <c>$/progress</c>. Every message passes the one redaction step (<see cref="Redaction.Scrub"/>),
/// as everything the CLI prints does: a rule that quotes a line (MLO211's VCS URL) must not hand the editor a token whole.</summary>
internal sealed class LspClient : IEditorClient
{
    public const string Source = "mlops-lint";
    private readonly ILanguageServer server;

    public LspClient(ILanguageServer server) => this.server = server;

    public void Publish(string uri, int? version, IReadOnlyList<EditorFinding> findings, Func<string, string?> uriOfPath) =>
        server.TextDocument.PublishDiagnostics(new PublishDiagnosticsParams
        {
            Uri = DocumentUri.Parse(uri),
            Version = version,
            Diagnostics = new Container<Diagnostic>(findings.Select(f => ToDiagnostic(f, uriOfPath))),
        });

    public void Log(bool error, string message) =>
        server.Window.LogMessage(new LogMessageParams { Type = error ? MessageType.Error : MessageType.Log, Message = Redaction.Scrub(message) });

    public IProgressReport BeginProgress(string title)
    {
        IWorkDoneObserver? observer = null;
        try
        {
            if (server.WorkDoneManager.IsSupported)
            {
                observer = server.WorkDoneManager.Create(new WorkDoneProgressBegin { Title = "mlops-lint", Message = title, Percentage = 0 })
                    .GetAwaiter().GetResult();
            }
        }
        catch (Exception e)
        {
            Log(false, "mlops-lint: no progress report: " + e.Message);
        }
        return new Progress(observer);
    }

    /// <summary>One finding as an LSP diagnostic: the rule id as code, its page as codeDescription, the severity the
    /// configuration gives it, the terminal's message, and the other side of a mismatch as related information.</summary>
    internal static Diagnostic ToDiagnostic(EditorFinding e, Func<string, string?> uriOfPath)
    {
        var f = e.Finding;
        var related = f.Related
            .Select(r => (r, uri: uriOfPath(r.Path)))
            .Where(x => x.uri != null)
            .Select(x => new DiagnosticRelatedInformation
            {
                Location = new Location
                {
                    Uri = DocumentUri.Parse(x.uri!),
                    Range = new LspRange(Math.Max(0, x.r.Span.StartLine - 1), Math.Max(0, x.r.Span.StartColumn - 1),
                        Math.Max(0, x.r.Span.EndLine - 1), Math.Max(0, x.r.Span.EndColumn - 1)),
                },
                Message = Redaction.Scrub(x.r.Message ?? "the other side"),
            })
            .ToArray();
        return new Diagnostic
        {
            Range = new LspRange(e.Range.Start.Line, e.Range.Start.Character, e.Range.End.Line, e.Range.End.Character),
            Severity = f.Severity switch
            {
                Severity.Error => DiagnosticSeverity.Error,
                Severity.Warning => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Information,
            },
            Code = f.RuleId,
            CodeDescription = new CodeDescription { Href = new Uri(f.Rule.HelpUri) },
            Source = Source,
            Message = Redaction.Scrub(f.Message),
            RelatedInformation = related.Length == 0 ? null : new Container<DiagnosticRelatedInformation>(related),
        };
    }

    private sealed class Progress : IProgressReport
    {
        private readonly IWorkDoneObserver? observer;

        public Progress(IWorkDoneObserver? observer) => this.observer = observer;

        public void Report(string message, int percentage) =>
            observer?.OnNext(new WorkDoneProgressReport { Message = message, Percentage = percentage });

        public void Dispose()
        {
            if (observer == null) return;
            observer.OnNext(new WorkDoneProgressReport { Message = "done", Percentage = 100 });
            observer.Dispose(); // sends the "end"
        }
    }
}
