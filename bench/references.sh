#!/usr/bin/env bash
# mlops-lint against the tools a user would otherwise run for the same question, on the same corpus, in one loop:
#   mlops-lint scan (all rules), mlops-lint scan --select MLO4 (credentials only),
#   bandit -t B105,B106,B107,B108 (hardcoded passwords; Debian's bandit), secretlint with its recommended preset (npm),
#   and `cat` of the same files (the floor).
# The corpus is this machine's Python standard library, committed once into a git repository (bench/out/stdlib).
#   bench/references.sh [RUNS] [SLOW_RUNS]     medians of RUNS runs (bandit and secretlint: SLOW_RUNS, default 3)
# Installs bandit (apt-get) and secretlint (npm, into bench/out/node) on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
SLOW_RUNS=${2:-3}
OUT=bench/out
mkdir -p "$OUT"

command -v bandit >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq bandit >/dev/null; }
if [ ! -x "$OUT/node/node_modules/.bin/secretlint" ]; then
  mkdir -p "$OUT/node"
  (cd "$OUT/node" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error \
    secretlint @secretlint/secretlint-rule-preset-recommend >/dev/null)
  printf '{ "rules": [ { "id": "@secretlint/secretlint-rule-preset-recommend" } ] }\n' > "$OUT/node/.secretlintrc.json"
fi

bash bench/corpus-stdlib.sh "$OUT/stdlib" >/dev/null
dotnet publish src/MLOpsLint.Cli -c Release --ucr -o "$OUT/cli" --nologo -v q >/dev/null
CLI="$OUT/cli/mlops-lint"
corpus=$(cd "$OUT/stdlib" && pwd)
secretlint=$(cd "$OUT/node" && pwd)/node_modules/.bin/secretlint
rc=$(cd "$OUT/node" && pwd)/.secretlintrc.json

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$corpus" ls-files -z > "$work/files"

# "wall peakKB" of one run
timed() { /usr/bin/time -f '%e %M' -o "$work/t" "$@" >/dev/null 2>&1 || true; cat "$work/t" | tail -1; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

declare -A wall rss
run() { # name runs cmd...
  local name=$1 n=$2; shift 2
  for _ in $(seq "$n"); do
    read -r w m < <(timed "$@")
    wall[$name]+="$w "; rss[$name]+="$m "
  done
}
"$CLI" scan "$corpus" >/dev/null 2>&1 || true  # page cache
for _ in $(seq "$RUNS"); do
  run cat 1 bash -c "cd '$corpus' && xargs -0 cat < '$work/files'"
  run mlops-lint 1 "$CLI" scan "$corpus" --format json
  run mlops-lint-MLO4 1 "$CLI" scan "$corpus" --format json --select MLO4
done
for _ in $(seq "$SLOW_RUNS"); do
  run bandit 1 bandit -q -r -t B105,B106,B107,B108 -f json "$corpus"
  run secretlint 1 bash -c "cd '$corpus' && '$secretlint' --secretlintrc '$rc' --format json '**/*'"
done

med() { tr ' ' '\n' <<< "$1" | grep . | median; }
files=$(tr -cd '\0' < "$work/files" | wc -c)
mb=$(du -sm --exclude=.git "$corpus" | cut -f1)
ours=$(med "${wall[mlops-lint]}")
echo "corpus: $corpus ($files files, ~$mb MB); medians of $RUNS runs (bandit, secretlint: $SLOW_RUNS); $(nproc) cores"
for name in cat mlops-lint mlops-lint-MLO4 bandit secretlint; do
  w=$(med "${wall[$name]}"); m=$(med "${rss[$name]}")
  awk -v n="$name" -v w="$w" -v m="$m" -v o="$ours" \
    'BEGIN { printf "  %-16s %8.3f s wall  %6.0f MB peak RSS  %6.2fx mlops-lint\n", n, w, m / 1024, w / o }'
done
