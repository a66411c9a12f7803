// Code actions: for each finding of the opened files, the actions the server offers (title, kind, edits, command);
// applying the fix's edit, the diagnostics after it; and the rule page command (window/showDocument).
import { startServer, diagnosticsFor, stopServer, fileUri, report } from './session.mjs';
import {
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, CodeActionRequest, ExecuteCommandRequest,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2];
const files = process.argv.slice(3);
const s = await startServer(root);
const out = {};
for (const file of files) {
  const uri = fileUri(join(root, file));
  const text = readFileSync(join(root, file), 'utf8');
  s.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  const published = await diagnosticsFor(s, uri, (p) => p.version === 1);
  const entries = [];
  for (const d of published.diagnostics) {
    const actions = await s.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    entries.push({
      code: d.code, message: d.message, severity: d.severity, range: d.range,
      actions: actions.map((a) => ({
        title: a.title, kind: a.kind, isPreferred: a.isPreferred ?? false, command: a.command ?? null,
        // the document after applying the action's edits, as the editor would
        result: a.edit ? TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 1, text), a.edit.changes[uri] ?? []) : null,
      })),
    });
  }
  out[file] = { entries };
  // apply the first preferred fix and see what is left
  const fix = entries.flatMap((e) => e.actions).find((a) => a.isPreferred && a.result != null);
  if (fix) {
    s.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: fix.result }] });
    out[file].afterFix = (await diagnosticsFor(s, uri, (p) => p.version === 2)).diagnostics.map((d) => d.code);
  }
}
const command = Object.values(out).flatMap((f) => f.entries).flatMap((e) => e.actions).find((a) => a.command)?.command;
if (command) await s.connection.sendRequest(ExecuteCommandRequest.type, { command: command.command, arguments: command.arguments });
out.shown = s.shown;
report(out);
await stopServer(s);
