#!/usr/bin/env bash
# Whole-process benchmark of mlops-lint's fixed start-up cost: what every pre-commit run and every small scan pays
# before any file is read. Medians of RUNS runs, the cases interleaved (the machines are shared and noisy), each
# as a ratio to `--version` (the runtime's own start-up) and to `git rev-parse --show-toplevel` (a same-run yardstick):
#   --version                       the .NET host and runtime, no command line parsing to speak of
#   scan <empty dir>                configuration lookup, discovery, the engine, the text report: nothing to read
#   scan samples/ml-project         a small project inside this work tree (git discovery on a sub-folder)
#   scan --staged <tiny git repo>   the pre-commit path: two staged files in a repository of one commit
#   scan --history <tiny git repo>  the history path (git rev-parse, ls-tree, log, cat-file) on that one commit
#   bench/startup.sh [RUNS]         BEFORE=DIR bench/startup.sh also times the build published in DIR, in the same loop;
#                                   AOT=DIR also times a Native AOT build (-p:Aot=true, see bench/README.md "Start-up");
#                                   a DIR without mlops-lint.dll is run as its native executable DIR/mlops-lint
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-9}
OUT=bench/out
mkdir -p "$OUT"
# published for this machine (--ucr) as a release ships it: ReadyToRun code (see MLOpsLint.Cli.csproj); PORTABLE=1
# publishes the portable IL-only build instead (the `any` package, or a plain `dotnet publish`)
if [ -n "${PORTABLE:-}" ]; then
  dotnet publish src/MLOpsLint.Cli -c Release -o "$OUT/cli-startup" --nologo -v q >/dev/null
else
  dotnet publish src/MLOpsLint.Cli -c Release --ucr -o "$OUT/cli-startup" --nologo -v q >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/empty"
repo="$work/staged"
git init -q "$repo"
printf 'seed: 1\n' > "$repo/params.yaml"
git -C "$repo" add -A
git -C "$repo" -c user.name=bench -c user.email=bench@example.com -c commit.gpgsign=false commit -q -m params
printf 'import numpy as np\nx = np.random.rand(3)\n' > "$repo/train.py"
printf 'numpy\npandas==2.2.0\n' > "$repo/requirements.txt"
git -C "$repo" add -A

# "wall user+sys" of one run, in seconds
timed() { local TIMEFORMAT='%3R %3U %3S'; { time "$@" >/dev/null 2>&1; } 2> "$work/t" || true; awk '{ print $1, $2 + $3 }' "$work/t"; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

builds=("$OUT/cli-startup")
[ -z "${BEFORE:-}" ] || builds+=("$BEFORE")
[ -z "${AOT:-}" ] || builds+=("$AOT")
cases=(version empty sample staged history)
run_case() { # build case
  local run=(dotnet "$1/mlops-lint.dll")
  [ -f "$1/mlops-lint.dll" ] || run=("$1/mlops-lint")
  case $2 in
    version) timed "${run[@]}" --version ;;
    empty) timed "${run[@]}" scan "$work/empty" ;;
    sample) timed "${run[@]}" scan samples/ml-project ;;
    staged) timed "${run[@]}" scan --staged "$repo" ;;
    history) timed "${run[@]}" scan --history "$repo" ;;
  esac
}

declare -A wall cpu
for b in "${builds[@]}"; do for c in "${cases[@]}"; do run_case "$b" "$c" >/dev/null; done; done  # warm the page cache
for _ in $(seq "$RUNS"); do
  read -r w u < <(timed git -C "$repo" rev-parse --show-toplevel)
  wall[git]+="$w "; cpu[git]+="$u "
  for b in "${builds[@]}"; do
    for c in "${cases[@]}"; do
      read -r w u < <(run_case "$b" "$c")
      wall[$b/$c]+="$w "; cpu[$b/$c]+="$u "
    done
  done
done

med() { tr ' ' '\n' <<< "$1" | grep . | median; }
g=$(med "${wall[git]}")
echo "medians of $RUNS runs; git rev-parse --show-toplevel: $g s wall"
for b in "${builds[@]}"; do
  echo "$b"
  v=$(med "${wall[$b/version]}")
  for c in "${cases[@]}"; do
    w=$(med "${wall[$b/$c]}"); u=$(med "${cpu[$b/$c]}")
    awk -v c="$c" -v w="$w" -v u="$u" -v v="$v" -v g="$g" \
      'BEGIN { printf "  %-8s %.3f s wall  %.3f s CPU  %.2fx --version  %.0fx git rev-parse\n", c, w, u, w / v, w / g }'
  done
done
