// Debounce: a burst of edits (typing) is checked once it settles, not once per keystroke; the diagnostics that
// arrive are those of the last version.
import { startServer, diagnosticsFor, stopServer, fileUri, report } from './session.mjs';
import { DidOpenTextDocumentNotification, DidChangeTextDocumentNotification } from 'vscode-languageserver-protocol';
import { join } from 'node:path';

const root = process.argv[2];
const s = await startServer(root);
const uri = fileUri(join(root, 'train.py'));
const line = 'X_train, X_test = train_test_split(X, y)\n';
s.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'python', version: 1, text: '' } });
await diagnosticsFor(s, uri, (p) => p.version === 1);
const versions = [];
const listen = (p) => { if (p.uri === uri) versions.push(p.version); };
s.waiters.push(listen);
// type the line one character at a time, as fast as the client can send
for (let i = 1; i <= line.length; i++) {
  s.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: i + 1 }, contentChanges: [{ text: 'from sklearn.model_selection import train_test_split\n' + line.slice(0, i) }] });
}
const last = line.length + 1;
const final = await diagnosticsFor(s, uri, (p) => p.version === last);
await new Promise((r) => setTimeout(r, 500)); // nothing stale may follow
report({ edits: line.length, publishedVersions: versions, final: final.diagnostics.map((d) => d.code), lastPublished: s.diagnostics.get(uri).version });
await stopServer(s);
