using OmniSharp.Extensions.LanguageServer.Protocol.Client.Capabilities;
using OmniSharp.Extensions.LanguageServer.Protocol.Document;
using OmniSharp.Extensions.LanguageServer.Protocol.Models;
using LspRange = OmniSharp.Extensions.LanguageServer.Protocol.Models.Range;

namespace MLOpsLint.Cli.Server;

/// <summary>textDocument/codeAction: for each finding under the cursor (or selection), its fix as <c>--fix</c> makes
/// it, a pin where the version is known, a <c># noqa</c> for the line, and opening the rule page.</summary>
internal sealed class CodeActionHandler : CodeActionHandlerBase
{
    private readonly ServerState state;

    public CodeActionHandler(ServerState state) => this.state = state;

    public override Task<CommandOrCodeActionContainer?> Handle(CodeActionParams request, CancellationToken cancellationToken)
    {
        string uri = request.TextDocument.Uri.ToString();
        if (!state.Published.TryGetValue(uri, out var findings)) return Task.FromResult<CommandOrCodeActionContainer?>(new CommandOrCodeActionContainer());
        var range = new EditorRange(new EditorPosition(request.Range.Start.Line, request.Range.Start.Character), new EditorPosition(request.Range.End.Line, request.Range.End.Character));
        var result = new List<CommandOrCodeAction>();
        foreach (var f in findings.Where(f => f.Range.Intersects(range)))
        {
            var diagnostic = LspClient.ToDiagnostic(f, _ => null);
            foreach (var a in f.Actions)
            {
                var action = new CodeAction
                {
                    Title = a.Title,
                    Kind = a.Kind == "quickfix" ? CodeActionKind.QuickFix : new CodeActionKind(a.Kind),
                    Diagnostics = new Container<Diagnostic>(diagnostic),
                    IsPreferred = a.Preferred,
                };
                if (a.Edits.Count > 0)
                {
                    action = action with
                    {
                        Edit = new WorkspaceEdit
                        {
                            Changes = a.Edits.GroupBy(e => e.Uri).ToDictionary(
                                g => OmniSharp.Extensions.LanguageServer.Protocol.DocumentUri.Parse(g.Key),
                                g => g.Select(e => new TextEdit
                                {
                                    Range = new LspRange(e.Range.Start.Line, e.Range.Start.Character, e.Range.End.Line, e.Range.End.Character),
                                    NewText = e.NewText,
                                })),
                        },
                    };
                }
                if (a.Command is { } c)
                {
                    action = action with { Command = new Command { Name = c.Name, Title = a.Title, Arguments = new Newtonsoft.Json.Linq.JArray(c.Arguments) } };
                }
                result.Add(action);
            }
        }
        return Task.FromResult<CommandOrCodeActionContainer?>(new CommandOrCodeActionContainer(result));
    }

    public override Task<CodeAction> Handle(CodeAction request, CancellationToken cancellationToken) => Task.FromResult(request);

    protected override CodeActionRegistrationOptions CreateRegistrationOptions(CodeActionCapability capability, ClientCapabilities clientCapabilities) => new()
    {
        DocumentSelector = new TextDocumentSelector(new TextDocumentFilter { Scheme = "file" }, new TextDocumentFilter { Scheme = "vscode-notebook-cell" }),
        CodeActionKinds = new Container<CodeActionKind>(CodeActionKind.QuickFix),
        ResolveProvider = false,
    };
}
