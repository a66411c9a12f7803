// didChange -> publishDiagnostics latency of mlops-lint server on one file, through a real LSP client
// (tests/lsp-client's vscode-languageserver-protocol / vscode-jsonrpc). Each edit toggles random_state on one line of
// the file, so every version has different diagnostics, and the time is taken until the diagnostics of exactly that
// version arrive (the server's debounce included). Reference, same loop: a codeAction round trip on the same file
// (the protocol and the process, no checking).
// usage: node latency.mjs REPO FILE EDITS  (MLOPS_LINT_SERVER = the server command as JSON)
import { startServer, diagnosticsFor, stopServer, fileUri } from '../../tests/lsp-client/session.mjs';
import { createRequire } from 'node:module';
// the protocol package from the test client's node_modules (this folder has none)
const require = createRequire(new URL('../../tests/lsp-client/package.json', import.meta.url));
const { DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, CodeActionRequest } = require('vscode-languageserver-protocol');
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [root, file, editsArg] = process.argv.slice(2);
const edits = Number(editsArg ?? 40);
const uri = fileUri(join(root, file));
const original = readFileSync(join(root, file), 'utf8');
const seeded = original;
const unseeded = original.replace('train_test_split(frame.x, frame.y, random_state=1)  # EDITED', 'train_test_split(frame.x, frame.y)  # EDITED');
if (seeded === unseeded) throw new Error('the file has no EDITED line');
const t0 = performance.now();
const s = await startServer(root);
const initialized = performance.now() - t0;
s.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'python', version: 1, text: original } });
await diagnosticsFor(s, uri, (p) => p.version === 1, 600000);
const firstDiagnostics = performance.now() - t0;

const change = [];
const roundTrip = [];
const documentChecks = [];
const documentCpu = [];
const repositoryChecks = [];
for (let v = 2; v < edits + 2; v++) {
  const text = v % 2 === 0 ? unseeded : seeded;
  const expectFinding = v % 2 === 0;
  const start = performance.now();
  s.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [{ text }] });
  const p = await diagnosticsFor(s, uri, (d) => d.version === v, 60000);
  change.push(performance.now() - start);
  // the server's own account of that check (window/logMessage): time in the document and the repository checks
  // (in a big workspace the repository checks run in the background after the edit's own findings are out: their
  // time is the last background pass the server reported)
  const timing = [...s.logs].reverse().map((l) => /document checks ([\d.]+) ms(?: \(CPU ([\d.]+) ms\))?, repository checks (?:([\d.]+) ms|in the background)/.exec(l)).find((m) => m);
  if (timing) documentChecks.push(+timing[1]);
  if (timing && timing[2]) documentCpu.push(+timing[2]);
  if (timing && timing[3]) repositoryChecks.push(+timing[3]);
  const background = [...s.logs].reverse().map((l) => /repository checks ([\d.]+) ms in the background/.exec(l)).find((m) => m);
  if (timing && !timing[3] && background) repositoryChecks.push(+background[1]);
  const has = p.diagnostics.some((d) => d.code === 'MLO301');
  if (has !== expectFinding) throw new Error(`version ${v}: MLO301 ${has ? 'present' : 'missing'}`);
  const r0 = performance.now();
  await s.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
  roundTrip.push(performance.now() - r0);
  await new Promise((r) => setTimeout(r, 30)); // a pause between keystroke bursts, so each edit is debounced on its own
}
await stopServer(s);
const median = (a) => { const b = [...a].sort((x, y) => x - y); return b[Math.floor(b.length / 2)]; };
const p90 = (a) => { const b = [...a].sort((x, y) => x - y); return b[Math.floor(b.length * 0.9)]; };
console.log(JSON.stringify({
  lines: original.split('\n').length - 1, edits, initializeMs: Math.round(initialized), firstDiagnosticsMs: Math.round(firstDiagnostics),
  didChangeMedianMs: +median(change).toFixed(1), didChangeP90Ms: +p90(change).toFixed(1), didChangeMaxMs: +Math.max(...change).toFixed(1),
  codeActionMedianMs: +median(roundTrip).toFixed(1),
  serverDocumentChecksMedianMs: documentChecks.length ? +median(documentChecks).toFixed(1) : null,
  serverDocumentChecksCpuMedianMs: documentCpu.length ? +median(documentCpu).toFixed(1) : null,
  serverRepositoryChecksMedianMs: repositoryChecks.length ? +median(repositoryChecks).toFixed(1) : null,
}));
