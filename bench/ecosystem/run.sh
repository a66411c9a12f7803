#!/usr/bin/env bash
# Ecosystem check: scan every repository of repos.tsv at its pinned commit with default settings.
#
#   bench/ecosystem/run.sh [--only owner/name]... [--cli DIR] [--keep] [--jobs N]
#
# Publishes the CLI once (unless --cli names a published build), materialises each repository into $ECO_DIR
# (default /tmp/mlops-eco) from its local snapshot under $MIRROR_DIR (default /work/.mirror, the fetch tool's
# layout owner+name/repo) or else from https://github.com/owner/name.git, scans at most 2 at a time, and writes
# results/current.json and results/counts.md. --keep keeps the checkouts (judging needs them). bash + python3
# standard library only. See README.md.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

cli="" pass=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --cli) cli=$2; shift 2 ;;
    --cli=*) cli=${1#--cli=}; shift ;;
    --only|--jobs) pass+=("$1" "$2"); shift 2 ;;
    --keep) pass+=("$1"); shift ;;
    -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

tool_commit=$(git -C "$root" rev-parse HEAD 2>/dev/null || echo unknown)
if [[ -z "$cli" ]]; then
  [[ -z "$(git -C "$root" status --porcelain -- src 2>/dev/null)" ]] || tool_commit="$tool_commit+dirty"
  cli=${OUT:-$root/bench/out/eco-cli}
  echo "publishing the CLI into $cli" >&2
  dotnet publish "$root/src/MLOpsLint.Cli" -c Release -o "$cli" -nologo -v quiet >&2
else
  tool_commit="unknown (--cli $cli)"
  [[ -f "$cli/mlops-lint.dll" ]] ||
    { echo "run.sh: $cli holds no published mlops-lint" >&2; exit 2; }
  [[ -f "$cli/tool-commit" ]] && tool_commit=$(cat "$cli/tool-commit")
fi
[[ "$tool_commit" == unknown* ]] || echo "$tool_commit" >"$cli/tool-commit"

cd "$here"
exec python3 scan.py --cli "$cli" --tool-commit "$tool_commit" "${pass[@]}"
