using MediatR;
using OmniSharp.Extensions.LanguageServer.Protocol.Client.Capabilities;
using OmniSharp.Extensions.LanguageServer.Protocol.Models;
using OmniSharp.Extensions.LanguageServer.Protocol.Workspace;

namespace MLOpsLint.Cli.Server;

/// <summary>workspace/didChangeWatchedFiles: files saved, created or deleted outside the editor's buffers (a checkout,
/// a new lock file, a deleted model) update the cross-file state; a configuration file reloads everything.</summary>
internal sealed class WatchedFilesHandler : DidChangeWatchedFilesHandlerBase
{
    private readonly ServerState state;
    private readonly PathMapper paths;

    public WatchedFilesHandler(ServerState state, PathMapper paths)
    {
        this.state = state;
        this.paths = paths;
    }

    public override Task<Unit> Handle(DidChangeWatchedFilesParams request, CancellationToken cancellationToken)
    {
        foreach (var change in request.Changes)
        {
            if (paths.PathOf(change.Uri) is string path)
            {
                state.DiskChanged(path, createdOrDeleted: change.Type != FileChangeType.Changed);
            }
        }
        return Unit.Task;
    }

    protected override DidChangeWatchedFilesRegistrationOptions CreateRegistrationOptions(DidChangeWatchedFilesCapability capability, ClientCapabilities clientCapabilities) => new()
    {
        Watchers = new Container<OmniSharp.Extensions.LanguageServer.Protocol.Models.FileSystemWatcher>(
            new OmniSharp.Extensions.LanguageServer.Protocol.Models.FileSystemWatcher { GlobPattern = "**/*", Kind = WatchKind.Create | WatchKind.Change | WatchKind.Delete }),
    };
}
