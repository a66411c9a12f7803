// Notebook sync (LSP 3.17): open a notebook cell by cell, edit a cell (an incremental change), insert a cell above,
// and record the diagnostics published for each cell after each step.
import { startServer, diagnosticsFor, stopServer, fileUri, report } from './session.mjs';
import {
  DidOpenNotebookDocumentNotification, DidChangeNotebookDocumentNotification, DidCloseNotebookDocumentNotification,
} from 'vscode-languageserver-protocol';
import { join } from 'node:path';

const root = process.argv[2];
const s = await startServer(root);
const nbUri = fileUri(join(root, 'explore.ipynb'));
const cell = (n) => `vscode-notebook-cell:${join(root, 'explore.ipynb')}#cell${n}`;
const cells = [
  { kind: 2, document: cell(1), text: 'import pandas as pd\n!pip install torch\n' },
  { kind: 1, document: cell(2), text: '# Training\nThe split below.' },
  { kind: 2, document: cell(3), text: 'from sklearn.model_selection import train_test_split\nX_train, X_test = train_test_split(X, y)\n' },
];
s.connection.sendNotification(DidOpenNotebookDocumentNotification.type, {
  notebookDocument: { uri: nbUri, notebookType: 'jupyter-notebook', version: 1, cells: cells.map(({ kind, document }) => ({ kind, document })) },
  cellTextDocuments: cells.map((c) => ({ uri: c.document, languageId: c.kind === 2 ? 'python' : 'markdown', version: 1, text: c.text })),
});
const pick = (p) => p && p.diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message, href: d.codeDescription?.href }));
const opened = {};
for (const c of cells) opened[c.document] = pick(await diagnosticsFor(s, c.document, (p) => p.version === 1));

// add random_state=0 to the call: an incremental change inside cell 3, line 2 (0-based line 1)
s.connection.sendNotification(DidChangeNotebookDocumentNotification.type, {
  notebookDocument: { uri: nbUri, version: 2 },
  change: { cells: { textContent: [{ document: { uri: cell(3), version: 2 }, changes: [{ range: { start: { line: 1, character: 39 }, end: { line: 1, character: 39 } }, text: ', random_state=0' }] }] } },
});
const edited = pick(await diagnosticsFor(s, cell(3), (p) => p.version === 2));

// insert a code cell at the top whose line hardcodes a home directory
s.connection.sendNotification(DidChangeNotebookDocumentNotification.type, {
  notebookDocument: { uri: nbUri, version: 3 },
  change: { cells: { structure: {
    array: { start: 0, deleteCount: 0, cells: [{ kind: 2, document: cell(0) }] },
    didOpen: [{ uri: cell(0), languageId: 'python', version: 1, text: 'df = pd.read_csv("/home/alice/data/train.csv")\n' }],
  } } },
});
const inserted = pick(await diagnosticsFor(s, cell(0), (p) => p.diagnostics.length > 0));
const firstAfterInsert = pick(s.diagnostics.get(cell(1)));

s.connection.sendNotification(DidCloseNotebookDocumentNotification.type, {
  notebookDocument: { uri: nbUri }, cellTextDocuments: [cell(0), cell(1), cell(2), cell(3)].map((uri) => ({ uri })),
});
const closed = pick(await diagnosticsFor(s, cell(1), (p) => p.diagnostics.length === 0));
report({ capability: s.initializeResult.capabilities.notebookDocumentSync, opened, edited, inserted, firstAfterInsert, closed });
await stopServer(s);
