#!/usr/bin/env bash
# Whole-process benchmark of `mlops-lint scan --history` against git's own object walk on the same repository,
# measured in the same run (the machines are shared and noisy: only ratios and medians mean something):
#   lookup:  git rev-list --objects --all | git cat-file --batch-check='%(objectname) %(objecttype) %(objectsize) %(rest)'
#            the walk and a lookup (type, size) of every object: the issue's yardstick. Written as the issue writes it,
#            without %(rest), cat-file takes each whole line ("<sha> <path>") for an object name and answers
#            "missing" for every blob and tree (git 2.39): only the commits are looked up. Both are printed.
#   content: the same with --batch: the walk plus every object's content — the least any scan that reads blobs (as
#            the credential rules and the content signatures must) can do through git.
# Two generated repositories of 5,000 commits (bench/gen_history.py): "small" (~13 MB of blobs, start-up dominates)
# and "large" (~95 MB of blobs in 8,000 files, the shape of a mid-sized ML repository).
#   bench/history.sh [RUNS] [small|large|both]      BEFORE=DIR bench/history.sh also times the build published in DIR
#   (e.g. an older commit: git worktree add /tmp/old REV && dotnet publish /tmp/old/src/MLOpsLint.Cli -c Release -o DIR)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
SHAPES=${2:-both}
OUT=bench/out
mkdir -p "$OUT"
dotnet publish src/MLOpsLint.Cli -c Release -o "$OUT/cli" --nologo -v q >/dev/null
CLI=("dotnet" "$OUT/cli/mlops-lint.dll")

now() { date +%s.%N; }
calc() { awk "BEGIN { print $1 }"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
timed() { local t0 t1; t0=$(now); "$@" >/dev/null 2>&1 || true; t1=$(now); calc "$t1 - $t0"; }

bench() { # shape dir
  local shape=$1 repo=$2
  if [ ! -d "$repo/.git" ]; then
    python3 bench/gen_history.py "$repo" --shape "$shape" >/dev/null
    git -C "$repo" repack -q -a -d -f  # packed and deltified, as a cloned repository is
  fi
  local json summary objects
  json=$("${CLI[@]}" scan "$repo" --history --format json 2>/dev/null || true)  # also warms the page cache
  summary=$(printf '%s' "$json" | python3 -c "import json,sys; d=json.load(sys.stdin); h=d['history']; print(h['commits'], h['blobs'], d['summary']['bytesScanned'], h['flaggedBlobs'], h['removableBytes'], len(d['findings']))")
  objects=$(git -C "$repo" rev-list --objects --all | wc -l)
  local all=() mlo1=() literal=() check=() content=() before=()
  local fmt='%(objectname) %(objecttype) %(objectsize) %(rest)'
  for _ in $(seq "$RUNS"); do
    all+=("$(timed "${CLI[@]}" scan "$repo" --history --format json)")
    mlo1+=("$(timed "${CLI[@]}" scan "$repo" --history --select MLO1 --format json)")
    if [ -n "${BEFORE:-}" ]; then before+=("$(timed dotnet "$BEFORE/mlops-lint.dll" scan "$repo" --history --format json)"); fi
    literal+=("$(timed sh -c "git -C '$repo' rev-list --objects --all | git -C '$repo' cat-file --batch-check")")
    check+=("$(timed sh -c "git -C '$repo' rev-list --objects --all | git -C '$repo' cat-file --batch-check='$fmt'")")
    content+=("$(timed sh -c "git -C '$repo' rev-list --objects --all | git -C '$repo' cat-file --batch='$fmt'")")
  done
  local ma m1 ml mc mt
  ma=$(printf '%s\n' "${all[@]}" | median); m1=$(printf '%s\n' "${mlo1[@]}" | median); ml=$(printf '%s\n' "${literal[@]}" | median)
  mc=$(printf '%s\n' "${check[@]}" | median); mt=$(printf '%s\n' "${content[@]}" | median)
  read -r commits blobs bytes flagged removable findings <<< "$summary"
  echo "$shape: $commits commits, $objects objects, $blobs distinct blobs ($(calc "$bytes / 1e6") MB) checked; $flagged blobs flagged ($removable bytes), $findings findings"
  printf '  git rev-list|cat-file --batch-check          %.3f s   (as the issue writes it: commits looked up, the rest "missing")\n' "$ml"
  printf '  git rev-list|cat-file --batch-check=%%(rest)  %.3f s   (the yardstick: every object looked up)\n' "$mc"
  printf '  git rev-list|cat-file --batch=%%(rest)        %.3f s   (every object read: %.2fx the yardstick)\n' "$mt" "$(calc "$mt / $mc")"
  printf '  mlops-lint --history (MLO1, MLO4)            %.3f s   %.2fx the yardstick, %.2fx the content read\n' "$ma" "$(calc "$ma / $mc")" "$(calc "$ma / $mt")"
  printf '  mlops-lint --history --select MLO1           %.3f s   %.2fx the yardstick, %.2fx the content read\n' "$m1" "$(calc "$m1 / $mc")" "$(calc "$m1 / $mt")"
  if [ -n "${BEFORE:-}" ]; then
    local mb; mb=$(printf '%s\n' "${before[@]}" | median)
    printf '  %s --history (before)  %.3f s   %.2fx the yardstick, %.2fx the content read\n' "$BEFORE" "$mb" "$(calc "$mb / $mc")" "$(calc "$mb / $mt")"
  fi
}

echo "medians of $RUNS runs"
[ "$SHAPES" = large ] || bench small "$OUT/history"
[ "$SHAPES" = small ] || bench large "$OUT/history-large"
