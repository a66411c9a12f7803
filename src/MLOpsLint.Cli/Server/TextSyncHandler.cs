using MediatR;
using OmniSharp.Extensions.LanguageServer.Protocol;
using OmniSharp.Extensions.LanguageServer.Protocol.Client.Capabilities;
using OmniSharp.Extensions.LanguageServer.Protocol.Document;
using OmniSharp.Extensions.LanguageServer.Protocol.Models;
using OmniSharp.Extensions.LanguageServer.Protocol.Server.Capabilities;

namespace MLOpsLint.Cli.Server;

/// <summary>textDocument/didOpen, didChange (full text), didSave, didClose: the editor's text replaces the disk's for
/// open files; a save also tells the worker the file changed on disk (cross-file state, configuration).</summary>
internal sealed class TextSyncHandler : TextDocumentSyncHandlerBase
{
    private readonly ServerState state;
    private readonly PathMapper paths;

    public TextSyncHandler(ServerState state, PathMapper paths)
    {
        this.state = state;
        this.paths = paths;
    }

    public override TextDocumentAttributes GetTextDocumentAttributes(DocumentUri uri) => new(uri, "plaintext");

    public override Task<Unit> Handle(DidOpenTextDocumentParams request, CancellationToken cancellationToken)
    {
        var doc = request.TextDocument;
        if (paths.PathOf(doc.Uri) is string path) state.Open(new OpenText(doc.Uri.ToString(), path, doc.Version, doc.Text));
        return Unit.Task;
    }

    public override Task<Unit> Handle(DidChangeTextDocumentParams request, CancellationToken cancellationToken)
    {
        if (paths.PathOf(request.TextDocument.Uri) is string path)
        {
            // full sync: the last change holds the whole text
            var text = request.ContentChanges.LastOrDefault()?.Text;
            if (text != null) state.Change(path, t => t with { Text = text, Version = request.TextDocument.Version });
        }
        return Unit.Task;
    }

    public override Task<Unit> Handle(DidSaveTextDocumentParams request, CancellationToken cancellationToken)
    {
        if (paths.PathOf(request.TextDocument.Uri) is string path)
        {
            if (request.Text != null) state.Change(path, t => t with { Text = request.Text });
            state.DiskChanged(path, createdOrDeleted: false);
        }
        return Unit.Task;
    }

    public override Task<Unit> Handle(DidCloseTextDocumentParams request, CancellationToken cancellationToken)
    {
        if (paths.PathOf(request.TextDocument.Uri) is string path) state.Close(path);
        return Unit.Task;
    }

    protected override TextDocumentSyncRegistrationOptions CreateRegistrationOptions(TextSynchronizationCapability capability, ClientCapabilities clientCapabilities) => new()
    {
        DocumentSelector = new TextDocumentSelector(new TextDocumentFilter { Scheme = "file" }),
        Change = TextDocumentSyncKind.Full,
        Save = new SaveOptions { IncludeText = false },
    };
}
