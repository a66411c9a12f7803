#!/usr/bin/env bash
# The action's scan step. INPUT_ARGS is split into words as a shell splits them — quotes and backslashes group — but
# nothing in it is run or expanded: no globs, no $(...), no ;. On pull requests the base commit is the reference
# (--new-from-rev) unless the pull-request input says "all".
set -uo pipefail
. "$GITHUB_ACTION_PATH/action/cannot-run.sh"

errors="$RUNNER_TEMP/mlops-lint-stderr"
words="$RUNNER_TEMP/mlops-lint-args"
# xargs splits as the shell does (quotes, backslashes) and interprets nothing else
if ! printf '%s' "$INPUT_ARGS" | xargs -r printf '%s\0' > "$words" 2> "$errors"; then
  cannot_run "the args input could not be split into words: $(cat "$errors")
args: $INPUT_ARGS"
fi
extra=()
mapfile -d '' -t extra < "$words"

mode=${INPUT_PULL_REQUEST:-new}
case "$mode" in
  new | changed-lines | all) ;;
  *) cannot_run "the pull-request input must be new, changed-lines or all, not '$mode'" ;;
esac
pr=()
if [[ "${GITHUB_EVENT_NAME:-}" == pull_request* && "$mode" != all && -n "${BASE_SHA:-}" ]]; then
  # a shallow checkout (actions/checkout's default) lacks the base commit: fetch just that one
  git -C "$INPUT_PATH" cat-file -e "$BASE_SHA^{commit}" 2>/dev/null \
    || git -C "$INPUT_PATH" fetch --no-tags --quiet --depth=1 origin "$BASE_SHA" \
    || echo "::warning title=mlops-lint::could not fetch the pull request's base commit $BASE_SHA"
  pr=(--new-from-rev "$BASE_SHA")
  [ "$mode" != changed-lines ] || pr+=(--changed-lines-only)
fi

dotnet "$BUILD_DIR/mlops-lint.dll" scan "$INPUT_PATH" --format github --fail-level "$INPUT_FAIL_LEVEL" "${pr[@]}" "${extra[@]}" 2> "$errors"
code=$?
cat "$errors" >&2
if [ "$code" -eq 2 ]; then
  cannot_run "$(cat "$errors")"
fi
echo "exit-code=$code" >> "$GITHUB_OUTPUT"
exit "$code"
