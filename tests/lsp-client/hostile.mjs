// Hostile files in the editor: opens the files named on the command line (repository-relative) of the hostile corpus
// (tests/MLOpsLint.EndToEnd.Tests/Hostile) as an editor would (the bytes read as UTF-8, invalid sequences replaced),
// waits for each file's diagnostics and for the workspace pass to settle, and reports every diagnostic, the server's
// log messages and stderr, and whether it shut down when asked. The .NET test asserts no crash, no hang, no secret.
import { startServer, diagnosticsFor, stopServer, fileUri, report } from './session.mjs';
import { DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol';
import { readFileSync } from 'node:fs';
import { join, extname, basename } from 'node:path';

const [root, ...files] = process.argv.slice(2);
const languageOf = (f) => ({ '.py': 'python', '.cs': 'csharp', '.yml': 'yaml', '.yaml': 'yaml', '.json': 'json', '.toml': 'toml', '.ipynb': 'json' })[extname(f)]
  ?? (basename(f).startsWith('Dockerfile') ? 'dockerfile' : 'plaintext');
const s = await startServer(root);
const uris = {};
for (const file of files) {
  const uri = fileUri(join(root, file));
  uris[file] = uri;
  s.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: languageOf(file), version: 1, text: readFileSync(join(root, file)).toString('utf8') },
  });
}
const opened = {};
for (const file of files) {
  const p = await diagnosticsFor(s, uris[file], (d) => d.version === undefined || d.version === 1, 240000);
  opened[file] = p.diagnostics.length;
}
// the repository checks publish the cross-file findings after the first publication: wait until the server has been
// quiet for a while (and has logged the end of those checks)
const quietMs = 3000;
let last = Date.now();
s.waiters.push(() => { last = Date.now(); });
const started = Date.now();
const background = () => s.logs.some((l) => l.includes('repository checks') && l.includes('in the background ('));
while ((!background() || Date.now() - last < quietMs) && Date.now() - started < 240000) {
  await new Promise((r) => setTimeout(r, 200));
}
const diagnostics = {};
for (const file of files) {
  diagnostics[file] = (s.diagnostics.get(uris[file])?.diagnostics ?? [])
    .map((d) => ({ code: d.code, severity: d.severity, line: d.range.start.line, character: d.range.start.character, message: d.message }));
}
await stopServer(s);
report({ opened, diagnostics, logs: s.logs, stderr: s.stderr, exitCode: s.child.exitCode, settled: background() });
