#!/usr/bin/env bash
# Times mlops-lint over the hostile corpus (tests/MLOpsLint.EndToEnd.Tests/Hostile/HostileCorpus.cs) in every mode:
# medians of RUNS whole-process runs of wall time and peak RSS (/usr/bin/time -v), with `git ls-files | xargs cat`
# timed in the same loop as the reference. The end-to-end tests build the corpus at its "test" scale (300 files, a 1 MB
# line, nesting 100,000 deep); "ci" is 2,000 files, a 4 MB line, nesting 1,000,000 deep, 20,000 continuation lines; this
# script builds it at "full" scale by default (50,000 files, a 100 MB line, 100,000 continuation lines), which is too
# slow to write for every CI run.
#   bench/hostile.sh [test|ci|full] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-full}
runs=${2:-3}
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release bench/hostile -o "$work/gen" >/dev/null
dotnet publish src/MLOpsLint.Cli -c Release -o "$work/cli" >/dev/null
repo="$work/repo"
dotnet "$work/gen/HostileGen.dll" "$repo" "$scale" >/dev/null
echo "corpus ($scale): $(find "$repo" -path "$repo/.git" -prune -o -type f -print | wc -l) files, $(du -sh --exclude=.git "$repo" | cut -f1)"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { # name, then the command
  local name=$1; shift
  local walls=() rss=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -v -o "$work/t" "$@" >/dev/null 2>"$work/err" || true
    walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {split($2,t,":"); print (length(t)==3 ? t[1]*3600+t[2]*60+t[3] : t[1]*60+t[2])}' "$work/t")")
    rss+=("$(awk -F': ' '/Maximum resident set size/ {print int($2/1024)}' "$work/t")")
  done
  printf '%-28s %8.2f s %7d MB   (%s runs)\n' "$name" "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${rss[@]}" | median)" "$runs"
}
lint() { dotnet "$work/cli/mlops-lint.dll" "$@"; }
bomb=$(python3 -c "print('*a' * 30 + '*b')")
measure "reference: cat every file" sh -c "cd '$repo' && git ls-files -z | xargs -0 cat > /dev/null"
measure "scan (text)" lint scan "$repo" --exclude "$bomb"
measure "scan --format json" lint scan "$repo" --format json
measure "scan --format sarif" lint scan "$repo" --format sarif
measure "scan --format github" lint scan "$repo" --format github
measure "scan --staged" lint scan "$repo" --staged
measure "scan --history" lint scan "$repo" --history
measure "scan --diff" lint scan "$repo" --diff
# --fix on a corpus of its own (a copy would change inodes, and git re-reading the files would match the .gitattributes
# worst case against the victim, which git's own matcher does not survive); the first run fixes, later ones rescan
dotnet "$work/gen/HostileGen.dll" "$work/fix" "$scale" >/dev/null
measure "scan --fix" lint scan "$work/fix" --fix
