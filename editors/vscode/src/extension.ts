// MLOps Lint for VS Code: starts `mlops-lint server` (the language server in the mlops-lint .NET tool) and connects
// VS Code's language client to it. Files, notebooks (LSP notebook sync), code actions and the rule pages all come from
// the server; this file only finds and starts it.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { findServer } from './server';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('mlopsLint.restartServer', async () => {
      await stop();
      await start(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('mlopsLint.path') || e.affectsConfiguration('mlopsLint.debounceMs')) {
        await stop();
        await start(context);
      }
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration('mlopsLint');
  const server = findServer(config.get<string>('path', ''));
  if (!server) {
    const install = 'How to install';
    const choice = await vscode.window.showWarningMessage(
      'MLOps Lint: mlops-lint was not found. Install the .NET tool (dotnet tool install -g MLOpsLint) or set mlopsLint.path.', install);
    if (choice === install) await vscode.env.openExternal(vscode.Uri.parse('https://github.com/mlops-lint/mlops-lint#install'));
    return;
  }
  const serverOptions: ServerOptions = { command: server.command, args: server.args, transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    // every file on disk: the server decides what it checks (Python, requirements, Dockerfiles, YAML, TOML, data files…)
    documentSelector: [{ scheme: 'file' }],
    initializationOptions: { debounceMs: config.get<number>('debounceMs', 15) },
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*') },
  };
  client = new LanguageClient('mlopsLint', 'MLOps Lint', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

async function stop(): Promise<void> {
  if (client) {
    const c = client;
    client = undefined;
    await c.stop();
  }
}
