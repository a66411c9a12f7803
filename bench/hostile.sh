#!/usr/bin/env bash
# Times mlops-lint over the hostile corpus (tests/MLOpsLint.EndToEnd.Tests/Hostile/HostileCorpus.cs) in every mode:
# medians of RUNS whole-process runs of wall time, CPU time (user + system: what a loaded machine does not inflate)
# and peak RSS (/usr/bin/time -v), with `cat` of every regular file
# timed in the same loop as the reference. The end-to-end tests build the corpus at its "test" scale (300 files, a 1 MB
# line, nesting 100,000 deep); "ci" is 2,000 files, a 4 MB line, nesting 1,000,000 deep, 20,000 continuation lines; this
# script builds it at "full" scale by default (50,000 files, a 100 MB line, 100,000 continuation lines), which is too
# slow to write for every CI run.
#   [GEN_DIR=dir] [CLI_DIR=dir] [CORPUS_DIR=dir] bench/hostile.sh [test|ci|full] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-full}
runs=${2:-3}
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# GEN_DIR / CLI_DIR: a generator and a published CLI built before (else both are built here)
if [ -n "${GEN_DIR:-}" ]; then ln -s "$GEN_DIR" "$work/gen"; else dotnet build -c Release bench/hostile -o "$work/gen" >/dev/null; fi
if [ -n "${CLI_DIR:-}" ]; then ln -s "$CLI_DIR" "$work/cli"; else dotnet publish src/MLOpsLint.Cli -c Release -o "$work/cli" >/dev/null; fi
# CORPUS_DIR: a corpus generated before at this scale (read only here; --fix always gets a fresh one)
if [ -n "${CORPUS_DIR:-}" ]; then repo=$CORPUS_DIR; else repo="$work/repo"; dotnet "$work/gen/HostileGen.dll" "$repo" "$scale" >/dev/null; fi
echo "corpus ($scale): $(find "$repo" -path "$repo/.git" -prune -o -type f -print | wc -l) files, $(du -sh --exclude=.git "$repo" | cut -f1)"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
lint() { dotnet "$work/cli/mlops-lint.dll" "$@"; }
bomb=$(python3 -c "print('*a' * 30 + '*b')")
# --fix on a corpus of its own (a copy would change inodes, and git re-reading the files would match the .gitattributes
# worst case against the victim, which git's own matcher does not survive); its first run fixes (timed on its own line),
# later ones rescan what is left
dotnet "$work/gen/HostileGen.dll" "$work/fix" "$scale" >/dev/null
names=("reference: cat every file" "scan (text)" "scan --format json" "scan --format sarif" "scan --format github"
       "scan --staged" "scan --history" "scan --diff" "scan --new-from-rev base" "  --changed-lines-only" "scan --fix")
run_mode() { # index
  case $1 in
    # the regular files only: a tracked file of the corpus is a FIFO in the work tree, and cat would wait on it forever
    0) sh -c "cd '$repo' && find . -path ./.git -prune -o -type f -print0 | xargs -0 cat > /dev/null 2>&1" ;;
    1) lint scan "$repo" --exclude "$bomb" ;;
    2) lint scan "$repo" --format json ;;
    3) lint scan "$repo" --format sarif ;;
    4) lint scan "$repo" --format github ;;
    5) lint scan "$repo" --staged ;;
    6) lint scan "$repo" --history ;;
    7) lint scan "$repo" --diff ;;
    # base: the corpus's empty first commit, so every file is new and every line added
    8) lint scan "$repo" --new-from-rev base ;;
    9) lint scan "$repo" --new-from-rev base --changed-lines-only ;;
    10) lint scan "$work/fix" --fix ;;
  esac
}
# every mode once per round, the reference in the same round: a busy moment of the shared machine slows them all
for round in $(seq "$runs"); do
  for i in "${!names[@]}"; do
    set +e
    /usr/bin/time -v -o "$work/t" bash -c "$(declare -f lint run_mode); work='$work' repo='$repo' bomb='$bomb'; run_mode $i" >/dev/null 2>"$work/err"
    code=$?
    set -e
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {split($2,t,":"); print (length(t)==3 ? t[1]*3600+t[2]*60+t[3] : t[1]*60+t[2])}' "$work/t")
    rss=$(awk -F': ' '/Maximum resident set size/ {print int($2/1024)}' "$work/t")
    cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/t")
    [ "$code" -le 2 ] || echo "round $round: ${names[$i]} exited $code: $(head -c 300 "$work/err")" >&2
    if [ "$i" -eq 10 ] && [ "$round" -eq 1 ]; then
      printf '%-28s %8.2f s %8.2f s %7d MB   (the run that fixes, exit %s)\n' "scan --fix (fixing)" "$wall" "$cpu" "$rss" "$code"
      continue
    fi
    echo "$wall" >> "$work/wall.$i"; echo "$cpu" >> "$work/cpu.$i"; echo "$rss" >> "$work/rss.$i"; echo "$code" > "$work/code.$i"
  done
done
echo "mode                             wall   CPU (user+sys)  peak RSS; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in "${!names[@]}"; do
  [ -s "$work/wall.$i" ] || continue
  printf '%-28s %8.2f s %8.2f s %7d MB   (median of %s, exit %s)\n' "${names[$i]}" "$(median < "$work/wall.$i")" "$(median < "$work/cpu.$i")" "$(median < "$work/rss.$i")" "$(wc -l < "$work/wall.$i")" "$(cat "$work/code.$i")"
done
