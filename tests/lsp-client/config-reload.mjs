// Configuration reload and cross-file state: diagnostics of the open files before and after files change on disk
// (announced with workspace/didChangeWatchedFiles, as an editor's file watcher does), plus $/progress.
import { startServer, diagnosticsFor, stopServer, fileUri, report } from './session.mjs';
import { DidOpenTextDocumentNotification, DidChangeWatchedFilesNotification } from 'vscode-languageserver-protocol';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2];
const s = await startServer(root);
const open = async (file) => {
  const uri = fileUri(join(root, file));
  s.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text: readFileSync(join(root, file), 'utf8') } });
  return uri;
};
const summary = (p) => p.diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: d.range.start.line, related: (d.relatedInformation ?? []).map((r) => ({ uri: r.location.uri, line: r.location.range.start.line, message: r.message })) }));
const train = await open('train.py');
const docker = await open('Dockerfile');
const data = await open('data/train.csv');
const steps = {};
steps.initial = {
  train: summary(await diagnosticsFor(s, train)),
  docker: summary(await diagnosticsFor(s, docker)),
  data: summary(await diagnosticsFor(s, data)),
};
const changed = (file, type) => s.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(join(root, file)), type }] });

// 1. a configuration file appears: MLO301 turned off
writeFileSync(join(root, 'mlops-lint.toml'), 'ignore = ["MLO301"]\n');
changed('mlops-lint.toml', 1);
steps.ignored = summary(await diagnosticsFor(s, train, (p) => !p.diagnostics.some((d) => d.code === 'MLO301')));

// 2. .editorconfig raises MLO601 to an error (the configuration file goes again)
rmSync(join(root, 'mlops-lint.toml'));
changed('mlops-lint.toml', 3);
writeFileSync(join(root, '.editorconfig'), 'root = true\n[*]\ndotnet_diagnostic.MLO601.severity = error\n');
changed('.editorconfig', 1);
steps.severity = summary(await diagnosticsFor(s, docker, (p) => p.diagnostics.some((d) => d.code === 'MLO601' && d.severity === 1)));
steps.trainAgain = summary(await diagnosticsFor(s, train, (p) => p.diagnostics.some((d) => d.code === 'MLO301')));

// 3. the other side of the mismatch changes on disk (not open in the editor): the Dockerfile's finding goes
writeFileSync(join(root, 'pyproject.toml'), readFileSync(join(root, 'pyproject.toml'), 'utf8').replace('>=3.11', '>=3.9'));
changed('pyproject.toml', 2);
steps.fixedOtherSide = summary(await diagnosticsFor(s, docker, (p) => !p.diagnostics.some((d) => d.code === 'MLO601')));

// 4. an LFS pattern for *.csv appears: the committed CSV is now an LFS path committed as a blob
writeFileSync(join(root, '.gitattributes'), '*.csv filter=lfs diff=lfs merge=lfs -text\n');
changed('.gitattributes', 1);
steps.lfs = summary(await diagnosticsFor(s, data, (p) => p.diagnostics.some((d) => d.code === 'MLO104')));

report({ steps, progress: s.progress.map((p) => p.kind) });
await stopServer(s);
