#!/usr/bin/env bash
# Speed work must not change what a scan says. Scans the benchmark corpora with two published builds and compares
# their output byte for byte: the text report (no colour), the JSON report and SARIF, and the exit code.
#   bench/compare-output.sh BEFORE_DIR AFTER_DIR [CORPUS...]
# BEFORE_DIR/AFTER_DIR hold a published mlops-lint (`dotnet publish src/MLOpsLint.Cli -c Release -o DIR`, e.g. from a
# worktree of the commit before the change). Default corpora: bench/out/synth, bench/out/kaggle, bench/out/stdlib
# (generated when missing). Exits 1 when any output differs, printing the first lines of each difference.
set -euo pipefail
cd "$(dirname "$0")/.."
before=$1 after=$2; shift 2
OUT=bench/out
if [ $# -eq 0 ]; then
  [ -d "$OUT/synth/.git" ] || python3 bench/gen_repo.py "$OUT/synth" >/dev/null
  [ -d "$OUT/kaggle/.git" ] || python3 bench/gen_kaggle.py "$OUT/kaggle" >/dev/null
  bash bench/corpus-stdlib.sh "$OUT/stdlib" >/dev/null
  set -- "$OUT/synth" "$OUT/kaggle" "$OUT/stdlib"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
exe() { if [ -x "$1/mlops-lint" ]; then echo "$1/mlops-lint"; else echo "dotnet $1/mlops-lint.dll"; fi; }
status=0
for corpus in "$@"; do
  name=$(basename "$corpus")
  for fmt in text json sarif; do
    for side in before after; do
      dir=$before; [ "$side" = after ] && dir=$after
      set +e
      $(exe "$dir") scan "$corpus" --format "$fmt" --no-color > "$work/$side.$name.$fmt" 2> "$work/$side.$name.$fmt.err"
      echo "exit $?" >> "$work/$side.$name.$fmt"
      set -e
    done
    # SARIF names the tool's version and informational build, which two builds may not share
    if [ "$fmt" = sarif ]; then sed -i -E 's/"(version|semanticVersion|informationVersion)": "[^"]*"/"\1": ""/' "$work"/*."$name".sarif; fi
    if cmp -s "$work/before.$name.$fmt" "$work/after.$name.$fmt"; then
      printf '%-8s %-6s identical (%s bytes)\n' "$name" "$fmt" "$(wc -c < "$work/after.$name.$fmt")"
    else
      printf '%-8s %-6s DIFFERENT\n' "$name" "$fmt"
      diff "$work/before.$name.$fmt" "$work/after.$name.$fmt" | head -20
      status=1
    fi
  done
done
exit $status
