# Sourced by the action's steps. cannot_run MESSAGE: the scan could not run (exit code 2). Says so where a pull
# request's reader looks: an ::error annotation (escaped as @actions/core escapes it) and the job summary.
cannot_run() {
  local message=$1 escaped
  escaped=${message//'%'/'%25'}
  escaped=${escaped//$'\r'/'%0D'}
  escaped=${escaped//$'\n'/'%0A'}
  echo "::error title=mlops-lint could not run::$escaped"
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    {
      echo "## MLOps Lint: the scan could not run"
      echo
      echo "mlops-lint exited with code 2, so nothing was checked. What it said:"
      echo
      echo '````text'
      printf '%s\n' "$message"
      echo '````'
    } >> "$GITHUB_STEP_SUMMARY"
  fi
  [ -z "${GITHUB_OUTPUT:-}" ] || echo "exit-code=2" >> "$GITHUB_OUTPUT"
  exit 2
}
