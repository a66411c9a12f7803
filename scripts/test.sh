#!/usr/bin/env bash
# Runs every test of the solution. Installs the real clients the tests compare against first
# (@actions/core for workflow-command escaping, the SARIF multitool for validation), from npm.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x tests/node/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool ] \
   || [ ! -d tests/node/node_modules/@actions/core ] \
   || [ ! -d tests/node/node_modules/@action-validator/cli ]; then
  (cd tests/node && npm ci --no-audit --no-fund --loglevel=error)
  # the multitool's postinstall (chmod) is not run by npm here
  chmod u+x tests/node/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
fi

# the language server's test client (vscode-languageserver-protocol / vscode-jsonrpc), for tests/.../Server
if [ ! -d tests/lsp-client/node_modules/vscode-languageserver-protocol ]; then
  (cd tests/lsp-client && npm ci --no-audit --no-fund --loglevel=error)
fi

# the VS Code extension: type-check, bundle and package it with @vscode/vsce; a test checks the .vsix
if [ ! -d editors/vscode/node_modules/@vscode/vsce ]; then
  (cd editors/vscode && npm ci --no-audit --no-fund --loglevel=error)
fi
(cd editors/vscode && npm run --silent package >/dev/null)

log=$(mktemp)
set +e
dotnet test Lint.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# one closing line for the whole solution: "N passed, N failed, N skipped"
awk '/(Passed|Failed)!  - Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1));
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
if grep -qE ": error (CS|MSB|NU)[0-9]+" "$log"; then
  echo "BUILD FAILED: some test projects did not compile (see the errors above); their tests did not run." >&2
  [ "$status" -ne 0 ] || status=1
fi
rm -f "$log"
exit "$status"
