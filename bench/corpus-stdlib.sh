#!/usr/bin/env bash
# Makes the standard-library corpus: this machine's Python standard library (site-packages and caches left out),
# committed once into a git repository, so a scan takes the git path as it does on a user's repository.
#   bench/corpus-stdlib.sh OUT_DIR      prints the corpus path; reuses OUT_DIR when it is already there
set -euo pipefail
out=$1
if [ ! -d "$out/.git" ]; then
  src=$(python3 -c "import sysconfig; print(sysconfig.get_paths()['stdlib'])")
  mkdir -p "$out"
  (cd "$src" && find . \( -name site-packages -o -name dist-packages -o -name __pycache__ \) -prune -o -type f -print0 \
    | xargs -0 cp --parents -t "$(cd - >/dev/null && cd "$out" && pwd)")
  git init -q "$out"
  git -C "$out" add -A
  git -C "$out" -c user.name=bench -c user.email=bench@example.com -c commit.gpgsign=false commit -q -m stdlib
  sleep 1; git -C "$out" status --porcelain >/dev/null  # no racily clean index entries
fi
echo "$out"
