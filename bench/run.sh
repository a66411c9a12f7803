#!/usr/bin/env bash
# Whole-process benchmark of `mlops-lint scan` (start-up included).
#   bench/run.sh [RUNS]
# 1. a synthetic ML repository of 10,000 files (~100 MB; bench/gen_repo.py, generated once into bench/out/)
# 2. the Python standard library of this machine (a plain directory walk, ~2,000 .py files)
# For each: the median wall time of RUNS runs, files/s, MB/s, and the ratio against a reference measured
# in the same run on the same files (reading every file with cat), because the machines are shared and noisy.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
OUT=bench/out
mkdir -p "$OUT"

dotnet publish src/MLOpsLint.Cli -c Release -o "$OUT/cli" --nologo -v q >/dev/null
CLI=("dotnet" "$OUT/cli/mlops-lint.dll")

[ -d "$OUT/synth/.git" ] || python3 bench/gen_repo.py "$OUT/synth"
STDLIB=$(python3 -c "import sysconfig; print(sysconfig.get_paths()['stdlib'])")

now() { date +%s.%N; }
calc() { awk "BEGIN { print $1 }"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

bench() { # name dir
  local name=$1 dir=$2 t0 t1 json files bytes
  json=$("${CLI[@]}" scan "$dir" --format json --fail-level error 2>/dev/null || true)  # also warms the page cache
  files=$(printf '%s' "$json" | python3 -c "import json,sys; print(json.load(sys.stdin)['summary']['filesScanned'])")
  bytes=$(printf '%s' "$json" | python3 -c "import json,sys; print(json.load(sys.stdin)['summary']['bytesScanned'])")
  # the reference reads the same kind of tree with cat (site-packages and caches pruned, like the scan)
  list=$(mktemp)
  find "$dir" \( -name .git -o -name site-packages -o -name __pycache__ \) -prune -o -type f -print0 > "$list"
  local scans=() refs=()
  for _ in $(seq "$RUNS"); do
    t0=$(now); "${CLI[@]}" scan "$dir" --format json --fail-level error >/dev/null 2>&1 || true; t1=$(now)
    scans+=("$(calc "$t1 - $t0")")
    t0=$(now); xargs -0 cat < "$list" >/dev/null; t1=$(now)
    refs+=("$(calc "$t1 - $t0")")
  done
  rm -f "$list"
  local ms mr
  ms=$(printf '%s\n' "${scans[@]}" | median)
  mr=$(printf '%s\n' "${refs[@]}" | median)
  printf '%-8s %6d files %7.1f MB  scan median %6.3f s  (%7.0f files/s, %6.1f MB/s)  cat median %6.3f s  ratio %5.1fx\n' \
    "$name" "$files" "$(calc "$bytes / 1000000")" "$ms" "$(calc "$files / $ms")" \
    "$(calc "$bytes / 1000000 / $ms")" "$mr" "$(calc "$ms / $mr")"
}

echo "mlops-lint whole-process benchmark: $RUNS runs each, $(nproc) cores"
bench synth "$OUT/synth"
bench stdlib "$STDLIB"
