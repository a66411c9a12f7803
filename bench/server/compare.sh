#!/usr/bin/env bash
# Language server latency, two builds side by side: runs bench/server/latency.mjs with the server of BEFORE and of AFTER
# (published folders holding mlops-lint.dll) alternately, RUNS times each, in the same loop, so both see the same load.
# Prints the medians per build and workspace; the codeAction round trip is the reference (protocol and process only).
# usage: bench/server/compare.sh BEFORE_DIR AFTER_DIR [RUNS] [EDITS]   (WORKSPACES="small synth" as in run.sh)
# The workspaces are the ones run.sh makes (bench/out/server/small, bench/out/synth): run run.sh once first.
set -euo pipefail
cd "$(dirname "$0")/../.."
before=$(cd "$1" && pwd); after=$(cd "$2" && pwd)
RUNS=${3:-5}
EDITS=${4:-20}
WORKSPACES=${WORKSPACES:-small synth}
out=bench/out/server
[ -d tests/lsp-client/node_modules/vscode-languageserver-protocol ] || (cd tests/lsp-client && npm ci --no-audit --no-fund --loglevel=error)
for i in $(seq "$RUNS"); do
  for workspace in $WORKSPACES; do
    dir=$out/small; file=train.py
    [ "$workspace" = synth ] && { dir=bench/out/synth; file=train_edit.py; }
    for build in before after; do
      bin=$before; [ $build = after ] && bin=$after
      result=$(MLOPS_LINT_SERVER="[\"dotnet\",\"$bin/mlops-lint.dll\",\"server\"]" node bench/server/latency.mjs "$dir" "$file" "$EDITS")
      echo "{\"build\":\"$build\",\"workspace\":\"$workspace\",\"run\":$i,\"result\":$result}"
    done
  done
done | tee "$out/compare.jsonl"
python3 - "$out/compare.jsonl" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
for ws in ("small", "synth"):
    for build in ("before", "after"):
        rs = [r["result"] for r in rows if r["workspace"] == ws and r["build"] == build]
        if not rs: continue
        m = lambda k: statistics.median([r[k] for r in rs if r[k] is not None] or [float("nan")])
        print(f"{ws} {build}: {len(rs)} runs; didChange->diagnostics median {m('didChangeMedianMs')} ms (p90 {m('didChangeP90Ms')} ms); "
              f"codeAction round trip {m('codeActionMedianMs')} ms; in the server: document checks {m('serverDocumentChecksMedianMs')} ms (CPU {m('serverDocumentChecksCpuMedianMs')} ms), "
              f"repository checks {m('serverRepositoryChecksMedianMs')} ms")
PY
