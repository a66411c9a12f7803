// A real LSP client for mlops-lint server: vscode-jsonrpc's stream connection and vscode-languageserver-protocol's
// message types, the library VS Code's own language client is built on. Scenario scripts use it and print what
// they observed as JSON; the .NET tests (tests/MLOpsLint.EndToEnd.Tests/Server) make the assertions.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import * as rpc from 'vscode-jsonrpc/node.js';
import {
  InitializeRequest, InitializedNotification, PublishDiagnosticsNotification, WorkDoneProgressCreateRequest,
  ShowDocumentRequest, LogMessageNotification, RegistrationRequest, ExitNotification, ShutdownRequest,
} from 'vscode-languageserver-protocol';

export const fileUri = (path) => pathToFileURL(path).href;

export async function startServer(root, initializationOptions = {}) {
  const [cmd, ...args] = JSON.parse(process.env.MLOPS_LINT_SERVER ?? '["mlops-lint","server"]');
  const child = spawn(cmd, args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const session = {
    connection, child, diagnostics: new Map(), waiters: [], progress: [], logs: [], shown: [], registrations: [],
    get stderr() { return stderr; },
  };
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    session.diagnostics.set(p.uri, p);
    for (const w of [...session.waiters]) w(p);
  });
  connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
  connection.onNotification('$/progress', (p) => session.progress.push(p.value));
  connection.onNotification(LogMessageNotification.type, (p) => session.logs.push(p.message));
  connection.onRequest(ShowDocumentRequest.type, (p) => { session.shown.push(p); return { success: true }; });
  connection.onRequest(RegistrationRequest.type, (p) => { session.registrations.push(...p.registrations); });
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  connection.listen();
  session.initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: fileUri(root),
    workspaceFolders: [{ uri: fileUri(root), name: 'repo' }],
    initializationOptions,
    capabilities: {
      window: { workDoneProgress: true, showDocument: { support: true } },
      workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
      textDocument: {
        synchronization: { didSave: true, dynamicRegistration: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
        codeAction: { dynamicRegistration: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true },
      },
      notebookDocument: { synchronization: { dynamicRegistration: true, executionSummarySupport: false } },
    },
  });
  connection.sendNotification(InitializedNotification.type, {});
  return session;
}

/** Resolves with the first publishDiagnostics for `uri` that satisfies `accept` (already received ones count). */
export function diagnosticsFor(session, uri, accept = () => true, timeoutMs = 60000) {
  const have = session.diagnostics.get(uri);
  if (have && accept(have)) return Promise.resolve(have);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      session.waiters.splice(session.waiters.indexOf(waiter), 1);
      reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(session.diagnostics.get(uri))}; stderr: ${session.stderr}; logs: ${session.logs.join(' | ')}`));
    }, timeoutMs);
    const waiter = (p) => {
      if (p.uri !== uri || !accept(p)) return;
      clearTimeout(timer);
      session.waiters.splice(session.waiters.indexOf(waiter), 1);
      resolve(p);
    };
    session.waiters.push(waiter);
  });
}

export async function stopServer(session) {
  await session.connection.sendRequest(ShutdownRequest.type);
  session.connection.sendNotification(ExitNotification.type);
  await new Promise((resolve) => { session.child.on('exit', resolve); setTimeout(resolve, 5000); });
  session.connection.dispose();
}

/** Prints the scenario's observations (one JSON document on stdout) for the .NET test. */
export function report(value) {
  process.stdout.write(JSON.stringify(value, null, 1) + '\n');
}
