using MediatR;
using OmniSharp.Extensions.LanguageServer.Protocol.Client.Capabilities;
using OmniSharp.Extensions.LanguageServer.Protocol.Models;
using OmniSharp.Extensions.LanguageServer.Protocol.Server;
using OmniSharp.Extensions.LanguageServer.Protocol.Window;
using OmniSharp.Extensions.LanguageServer.Protocol.Workspace;

namespace MLOpsLint.Cli.Server;

/// <summary>workspace/executeCommand <c>mlops-lint.openRulePage</c>: asks the editor to open the rule's page in the
/// browser (window/showDocument, external).</summary>
internal sealed class ExecuteCommandHandler : ExecuteCommandHandlerBase
{
    private readonly Func<ILanguageServerFacade?> server;

    public ExecuteCommandHandler(Func<ILanguageServerFacade?> server) => this.server = server;

    public override async Task<Unit> Handle(ExecuteCommandParams request, CancellationToken cancellationToken)
    {
        if (request.Command == FindingActions.OpenRulePageCommand && request.Arguments?.FirstOrDefault()?.ToString() is string url
            && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && server() is { } s)
        {
            try
            {
                await s.Window.ShowDocument(new ShowDocumentParams { Uri = OmniSharp.Extensions.LanguageServer.Protocol.DocumentUri.From(uri), External = true }, cancellationToken);
            }
            catch (Exception e)
            {
                s.Window.LogMessage(new LogMessageParams { Type = MessageType.Warning, Message = $"mlops-lint: the editor could not open {url}: {e.Message}" });
            }
        }
        return Unit.Value;
    }

    protected override ExecuteCommandRegistrationOptions CreateRegistrationOptions(ExecuteCommandCapability capability, ClientCapabilities clientCapabilities) => new()
    {
        Commands = new Container<string>(FindingActions.OpenRulePageCommand),
    };
}
