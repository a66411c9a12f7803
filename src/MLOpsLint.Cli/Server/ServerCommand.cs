using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OmniSharp.Extensions.LanguageServer.Protocol.Models;
using OmniSharp.Extensions.LanguageServer.Protocol.Server;
using OmniSharp.Extensions.LanguageServer.Protocol.Workspace;
using OmniSharp.Extensions.LanguageServer.Server;
using OmniSharp.Extensions.JsonRpc;
using Newtonsoft.Json.Linq;

namespace MLOpsLint.Cli.Server;

/// <summary>
/// <c>mlops-lint server</c>: the Language Server Protocol over stdio (OmniSharp.Extensions.LanguageServer does the
/// JSON-RPC framing and the LSP 3.17 types). Diagnostics for Python files, notebooks, requirements, pyproject.toml,
/// environment.yml, Dockerfiles and workflows — every file the scanner reads — from the same engine, configuration and
/// suppression as <c>scan</c>.
/// </summary>
internal static class ServerCommand
{
    /// <summary>How long edits settle before a check (the "debounceMs" initialization option overrides it).</summary>
    public const int DefaultDebounceMs = 15;

    public static int Execute(Stream input, Stream output, TextWriter stderr)
    {
        try
        {
            RunAsync(input, output).GetAwaiter().GetResult();
            return 0;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"mlops-lint server: {e}");
            return Commands.ExitCodes.CannotRun;
        }
    }

    private static async Task RunAsync(Stream input, Stream output)
    {
        var state = new ServerState();
        var paths = new PathMapper();
        ILanguageServerFacade? facade = null;
        using var stop = new CancellationTokenSource();
        Task? worker = null;
        int debounce = DefaultDebounceMs;
        var notebooks = new NotebookSyncHandler(state, paths);

        var server = await LanguageServer.From(options =>
        {
            options
                .WithInput(input)
                .WithOutput(output)
                .WithServerInfo(new ServerInfo { Name = "mlops-lint", Version = VersionInfo.Version })
                .ConfigureLogging(b => b.SetMinimumLevel(LogLevel.Warning));
            options.AddHandler(new TextSyncHandler(state, paths));
            options.AddHandler(new CodeActionHandler(state));
            options.AddHandler(new ExecuteCommandHandler(() => facade));
            options.AddHandler(new WatchedFilesHandler(state, paths));
            options.OnNotification<JToken>("notebookDocument/didOpen", notebooks.DidOpen);
            options.OnNotification<JToken>("notebookDocument/didChange", notebooks.DidChange);
            options.OnNotification<JToken>("notebookDocument/didSave", notebooks.DidSave);
            options.OnNotification<JToken>("notebookDocument/didClose", notebooks.DidClose);
            options.OnDidChangeConfiguration((_, _) =>
            {
                state.Reload();
                return Task.CompletedTask;
            });
            options.OnInitialize((s, request, _) =>
            {
                facade = s;
                string? root = request.RootUri?.GetFileSystemPath() ?? request.RootPath
                    ?? request.WorkspaceFolders?.FirstOrDefault()?.Uri.GetFileSystemPath();
                paths.Workspace = new Workspace(root);
                if (request.InitializationOptions is JObject o && o.Value<int?>("debounceMs") is int ms && ms >= 0) debounce = ms;
                return Task.CompletedTask;
            });
            options.OnInitialized((_, _, response, _) =>
            {
                response.Capabilities.ExtensionData["notebookDocumentSync"] = NotebookSyncHandler.Capability();
                return Task.CompletedTask;
            });
            options.OnStarted((s, _) =>
            {
                var client = new LspClient(s);
                var workspace = paths.Workspace ?? new Workspace(null);
                paths.Workspace = workspace;
                var lintWorker = new LintWorker(state, workspace, client, TimeSpan.FromMilliseconds(debounce));
                worker = Task.Run(() => lintWorker.RunAsync(stop.Token));
                return Task.CompletedTask;
            });
        }).ConfigureAwait(false);
        await server.WaitForExit.ConfigureAwait(false);
        stop.Cancel();
        if (worker != null)
        {
            try
            {
                await worker.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
