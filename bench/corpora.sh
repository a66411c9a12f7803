#!/usr/bin/env bash
# The issue-16 targets in one loop: wall time, CPU time (user + sys) and peak RSS of whole `mlops-lint scan` runs over
# the three benchmark corpora and of `scan --staged` with 3 staged files in the 10,000-file repository, with a reference
# on the same files in the same loop (`cat` of every tracked file; `git diff --cached` for --staged). Medians of RUNS.
#   bench/corpora.sh [RUNS]          CLI=DIR (a published build; default: publish this tree with ReadyToRun, --ucr)
#   BEFORE=DIR bench/corpora.sh      also times another published build in the same loop
# Corpora: bench/out/synth (gen_repo.py), bench/out/kaggle (gen_kaggle.py), bench/out/stdlib (corpus-stdlib.sh),
# bench/out/synth-staged (a clone of synth with 3 files changed and staged). Generated when missing. `cold` is the staged
# scan with no facts cache (.git/mlops-lint/ removed first), `staged` the next run, with the cache it left.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
OUT=bench/out
mkdir -p "$OUT"
if [ -z "${CLI:-}" ]; then
  CLI=$OUT/cli-r2r
  dotnet publish src/MLOpsLint.Cli -c Release --ucr -o "$CLI" --nologo -v q >/dev/null
fi
[ -d "$OUT/synth/.git" ] || python3 bench/gen_repo.py "$OUT/synth" >/dev/null
[ -d "$OUT/kaggle/.git" ] || python3 bench/gen_kaggle.py "$OUT/kaggle" >/dev/null
bash bench/corpus-stdlib.sh "$OUT/stdlib" >/dev/null
staged=$OUT/synth-staged
if [ ! -d "$staged/.git" ]; then
  git clone -q "$OUT/synth" "$staged"
  n=0
  for f in $(git -C "$staged" ls-files '*.py' | head -3); do
    printf '\nimport random\nx = random.random()\n' >> "$staged/$f"; git -C "$staged" add "$f"; n=$((n + 1))
  done
fi
git -C "$staged" status >/dev/null  # rewrites racily clean index entries once

exe() { if [ -x "$1/mlops-lint" ]; then echo "$1/mlops-lint"; else echo "dotnet $1/mlops-lint.dll"; fi; }
work=$(mktemp -d)
trap 'rm -rf "$work" "$staged/.git/mlops-lint"' EXIT
declare -A wall cpu rss
timed() { # name cmd...
  local name=$1; shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/t" "$@" >/dev/null 2>&1 || true
  read -r w u s m < <(tail -1 "$work/t")
  wall[$name]+="$w "; cpu[$name]+="$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }') "; rss[$name]+="$m "
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
builds=(after); [ -n "${BEFORE:-}" ] && builds=(before after)
dir_of() { if [ "$1" = before ]; then echo "$BEFORE"; else echo "$CLI"; fi; }

for c in synth kaggle stdlib; do git -C "$OUT/$c" ls-files -z > "$work/$c.files"; done
for b in "${builds[@]}"; do for c in synth kaggle stdlib; do $(exe "$(dir_of "$b")") scan "$OUT/$c" --format json >/dev/null 2>&1 || true; done; done  # page cache, JIT caches
for _ in $(seq "$RUNS"); do
  for c in synth kaggle stdlib; do
    timed "$c cat" bash -c "cd '$OUT/$c' && xargs -0 cat < '$work/$c.files'"
    for b in "${builds[@]}"; do timed "$c $b" $(exe "$(dir_of "$b")") scan "$OUT/$c" --format json; done
  done
  timed "staged git" git -C "$staged" diff --cached --name-only
  for b in "${builds[@]}"; do
    # cold: no facts cache (.git/mlops-lint/) yet, as on a first commit; then warm, with the cache that run left
    rm -rf "$staged/.git/mlops-lint"
    timed "cold $b" $(exe "$(dir_of "$b")") scan "$staged" --staged --format json
    timed "staged $b" $(exe "$(dir_of "$b")") scan "$staged" --staged --format json
  done
done

echo "medians of $RUNS runs, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-16s %9s %9s %9s %10s\n' run wall cpu peakRSS "wall/ref"
for c in synth kaggle stdlib cold staged; do
  ref="$c cat"; [ "$c" = staged ] || [ "$c" = cold ] && ref="staged git"
  r=$(median <<< "${wall[$ref]}")
  for name in "$ref" $(for b in "${builds[@]}"; do echo "$c:$b"; done); do
    name=${name/:/ }
    w=$(median <<< "${wall[$name]}"); u=$(median <<< "${cpu[$name]}"); m=$(median <<< "${rss[$name]}")
    awk -v n="$name" -v w="$w" -v u="$u" -v m="$m" -v r="$r" \
      'BEGIN { printf "%-16s %8.3fs %8.2fs %7.0fMB %9.1fx\n", n, w, u, m / 1024, (r > 0 ? w / r : 0) }'
  done
done
