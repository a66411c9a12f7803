#!/usr/bin/env bash
# Whole-process benchmark of `mlops-lint scan --history` against git's own object walk on the same
# repository, measured in the same run: `git rev-list --objects --all | git cat-file --batch-check`.
#   bench/history.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
OUT=bench/out
mkdir -p "$OUT"
dotnet publish src/MLOpsLint.Cli -c Release -o "$OUT/cli" --nologo -v q >/dev/null
[ -d "$OUT/history/.git" ] || python3 bench/gen_history.py "$OUT/history"
REPO="$OUT/history"

now() { date +%s.%N; }
calc() { awk "BEGIN { print $1 }"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

json=$(dotnet "$OUT/cli/mlops-lint.dll" scan "$REPO" --history --format json 2>/dev/null || true)
summary=$(printf '%s' "$json" | python3 -c "import json,sys; h=json.load(sys.stdin)['history']; print(h['commits'], h['blobs'], h['flaggedBlobs'], h['removableBytes'])")
objects=$(git -C "$REPO" rev-list --objects --all | git -C "$REPO" cat-file --batch-check | wc -l)

ours=() gits=()
for _ in $(seq "$RUNS"); do
  t0=$(now); dotnet "$OUT/cli/mlops-lint.dll" scan "$REPO" --history --format json >/dev/null 2>&1 || true; t1=$(now)
  ours+=("$(calc "$t1 - $t0")")
  t0=$(now); git -C "$REPO" rev-list --objects --all | git -C "$REPO" cat-file --batch-check >/dev/null; t1=$(now)
  gits+=("$(calc "$t1 - $t0")")
done
mo=$(printf '%s\n' "${ours[@]}" | median)
mg=$(printf '%s\n' "${gits[@]}" | median)
read -r commits blobs flagged removable <<< "$summary"
echo "history: $commits commits, $objects objects ($blobs distinct blobs checked; $flagged flagged, $removable bytes removable)"
printf 'mlops-lint --history median %.3f s   git rev-list|cat-file --batch-check median %.3f s   ratio %.2fx   (%d runs)\n' "$mo" "$mg" "$(calc "$mo / $mg")" "$RUNS"
