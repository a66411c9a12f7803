#!/usr/bin/env bash
# Language server latency: diagnostics for a changed 2,000-line Python file, from didChange to publishDiagnostics,
# through a real LSP client (tests/lsp-client). Two workspaces: a small ML repository with the file, and the same file
# inside bench/out/synth (gen_repo.py's 10,000-file repository: every edit also re-runs the repository checks over it).
# Prints one JSON line per run; medians over RUNS server processes (each EDITS edits). Reference in the same loop: a
# codeAction round trip (protocol and process only).
# usage: bench/server/run.sh [RUNS] [EDITS]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
EDITS=${2:-40}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out=bench/out/server
mkdir -p "$out"
# NO_PUBLISH=1 times the build already in bench/out/server/bin
[ "${NO_PUBLISH:-}" = 1 ] || dotnet publish src/MLOpsLint.Cli -c Release -o "$out/bin" --nologo -v q >/dev/null
[ -d tests/lsp-client/node_modules/vscode-languageserver-protocol ] || (cd tests/lsp-client && npm ci --no-audit --no-fund --loglevel=error)
export MLOPS_LINT_SERVER="[\"dotnet\",\"$PWD/$out/bin/mlops-lint.dll\",\"server\"]"

small=$out/small
if [ ! -d "$small/.git" ]; then
  rm -rf "$small" && mkdir -p "$small"
  python3 bench/server/gen_file.py 2000 > "$small/train.py"
  printf 'numpy==1.26.4\npandas==2.2.2\nscikit-learn==1.5.0\ntorch==2.3.1\n' > "$small/requirements.txt"
  printf 'FROM python:3.11-slim\nCOPY . /app\n' > "$small/Dockerfile"
  printf '[project]\nname = "churn"\nversion = "0.1"\nrequires-python = ">=3.11"\n' > "$small/pyproject.toml"
  git -C "$small" init -q && git -C "$small" add -A && git -C "$small" -c user.email=b@b -c user.name=b commit -qm bench
fi
# WORKSPACES="small" skips the 10,000-file one
WORKSPACES=${WORKSPACES:-small synth}
synth=bench/out/synth
if [[ " $WORKSPACES " == *" synth "* ]]; then
  [ -d "$synth" ] || python3 bench/gen_repo.py "$synth" >/dev/null
  python3 bench/server/gen_file.py 2000 > "$synth/train_edit.py"
fi

for workspace in $WORKSPACES; do
  dir=$small; file=train.py
  [ "$workspace" = synth ] && { dir=$synth; file=train_edit.py; }
  for i in $(seq "$RUNS"); do
    echo "{\"workspace\":\"$workspace\",\"run\":$i,\"result\":$(node bench/server/latency.mjs "$dir" "$file" "$EDITS")}"
  done
done | tee "$out/results.jsonl"
python3 - "$out/results.jsonl" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
for ws in ("small", "synth"):
    rs = [r["result"] for r in rows if r["workspace"] == ws]
    if not rs: continue
    m = lambda k: statistics.median([r[k] for r in rs if r[k] is not None] or [float("nan")])
    print(f"{ws}: {len(rs)} runs; didChange->diagnostics median {m('didChangeMedianMs')} ms (p90 {m('didChangeP90Ms')} ms); "
          f"codeAction round trip {m('codeActionMedianMs')} ms; in the server: document checks {m('serverDocumentChecksMedianMs')} ms (CPU {m('serverDocumentChecksCpuMedianMs')} ms), "
          f"repository checks {m('serverRepositoryChecksMedianMs')} ms; initialize {m('initializeMs')} ms; first diagnostics {m('firstDiagnosticsMs')} ms")
PY
