#!/usr/bin/env bash
# The cache key and folder of the action's build: a hash of the sources it is built from (a tag or branch can move,
# the content cannot), the runner's OS and architecture. Writes key= and dir= to GITHUB_OUTPUT.
set -euo pipefail
cd "$GITHUB_ACTION_PATH"
# sha256sum (Linux, Git Bash on Windows) or shasum (macOS)
sum() { if command -v sha256sum >/dev/null 2>&1; then sha256sum; else shasum -a 256; fi; }
files() { find Directory.Build.props src -type f -not -path '*/bin/*' -not -path '*/obj/*' -print0 | LC_ALL=C sort -z; }
hash=$({ files | tr '\0' '\n'; files | xargs -0 cat; } | sum | cut -c1-20)
echo "key=mlops-lint-build-${RUNNER_OS:-unknown}-${RUNNER_ARCH:-unknown}-$hash" >> "$GITHUB_OUTPUT"
echo "dir=${RUNNER_TOOL_CACHE:-$RUNNER_TEMP}/mlops-lint/$hash" >> "$GITHUB_OUTPUT"
