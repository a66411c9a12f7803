#!/usr/bin/env bash
# The pre-commit hook's latency, start-up included: a 1,000-file repository (gen_repo.py --files 1000 --mb 10) with
# 3 staged files, and the command .pre-commit-hooks.yaml runs (`mlops-lint scan --staged --no-color FILES`) by the tool
# as pre-commit installs it: `dotnet pack -c Release` (ReadyToRun for this machine's platform, see MLOpsLint.Cli.csproj)
# and `dotnet tool install --tool-path` from the package. Medians of RUNS runs, interleaved with references in the
# same loop: `git diff --cached --name-only` (what any hook pays to learn what is staged) and `--version` (the
# runtime's start-up alone). Goal: under 300 ms.
#   bench/precommit.sh [RUNS]        BEFORE=DIR bench/precommit.sh also times the build published or installed in DIR
# The hook runs twice per build and round: cold (the facts cache under .git/mlops-lint/ removed first: a first commit, or
# the first after an upgrade) and warm (the cache the cold run left: every later commit).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-11}
OUT=$PWD/bench/out
mkdir -p "$OUT"
# what pre-commit's `language: dotnet` does (pre_commit/languages/dotnet.py), for the CLI project alone
rm -rf "$OUT/precommit-pack" "$OUT/cli-precommit"
dotnet pack src/MLOpsLint.Cli -c Release -o "$OUT/precommit-pack" --nologo -v q >/dev/null
nuget_config=$(mktemp -d)
printf '<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear /></packageSources></configuration>' > "$nuget_config/nuget.config"
dotnet tool install --configfile "$nuget_config/nuget.config" --tool-path "$OUT/cli-precommit" --add-source "$OUT/precommit-pack" MLOpsLint >/dev/null
rm -rf "$nuget_config"

repo="$OUT/precommit-1000"
if [ ! -d "$repo/.git" ]; then
  python3 bench/gen_repo.py "$repo" --files 1000 --mb 10 >/dev/null
fi
git -C "$repo" reset -q --hard
git -C "$repo" clean -qfd
# three staged files: a changed training module, a changed requirements file, a new script
printf '\nfrom sklearn.model_selection import train_test_split\nX_tr, X_te = train_test_split(X, test_size=0.2)\n' >> "$repo/pkg00/sub0/module_0.py"
printf 'numpy\n' >> "$repo/pkg02/sub2/requirements-72.txt"
printf 'import numpy as np\nx = np.random.rand(3)\n' > "$repo/pkg00/sub0/new_script.py"
git -C "$repo" add pkg00/sub0/module_0.py pkg02/sub2/requirements-72.txt pkg00/sub0/new_script.py
git -C "$repo" status --porcelain >/dev/null # a fresh index is racily clean; let git rewrite it once, as any user's is
staged=(pkg00/sub0/module_0.py pkg02/sub2/requirements-72.txt pkg00/sub0/new_script.py)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
timed() { local TIMEFORMAT='%3R %3U %3S'; { time "$@" >/dev/null 2>&1; } 2> "$work/t" || true; awk '{ print $1, $2 + $3 }' "$work/t"; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
builds=("$OUT/cli-precommit")
[ -z "${BEFORE:-}" ] || builds+=("$BEFORE")
hook() { (cd "$repo" && "$1/mlops-lint" scan --staged --no-color "${staged[@]}"); }

declare -A wall cpu
for b in "${builds[@]}"; do hook "$b" >/dev/null 2>&1 || true; done # warm the page cache
for _ in $(seq "$RUNS"); do
  read -r w u < <(timed git -C "$repo" diff --cached --name-only); wall[git]+="$w "; cpu[git]+="$u "
  for b in "${builds[@]}"; do
    read -r w u < <(timed "$b/mlops-lint" --version); wall[$b/version]+="$w "
    rm -rf "$repo/.git/mlops-lint"
    read -r w u < <(timed hook "$b"); wall[$b/cold]+="$w "; cpu[$b/cold]+="$u "
    read -r w u < <(timed hook "$b"); wall[$b/hook]+="$w "; cpu[$b/hook]+="$u "
  done
done
med() { tr ' ' '\n' <<< "$1" | grep . | median; }
g=$(med "${wall[git]}")
echo "medians of $RUNS runs, $(git -C "$repo" ls-files | wc -l) files, 3 staged; git diff --cached --name-only: $g s wall"
for b in "${builds[@]}"; do
  v=$(med "${wall[$b/version]}"); w=$(med "${wall[$b/hook]}"); u=$(med "${cpu[$b/hook]}")
  cw=$(med "${wall[$b/cold]}"); cu=$(med "${cpu[$b/cold]}")
  awk -v b="$b" -v w="$w" -v u="$u" -v v="$v" -v g="$g" -v cw="$cw" -v cu="$cu" \
    'BEGIN { printf "%s\n  hook, cold cache  %.3f s wall  %.3f s CPU\n  hook, warm cache  %.3f s wall  %.3f s CPU  (--version %.3f s; %.0fx git)  goal 0.300 s: %s\n", b, cw, cu, w, u, v, w / g, (w < 0.3 ? "met" : "not met") }'
done
rm -rf "$repo/.git/mlops-lint"
