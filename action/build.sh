#!/usr/bin/env bash
# The action's build of mlops-lint, into BUILD_DIR (which actions/cache restores when the action's sources are the
# same; then nothing is built). Built from a copy of the sources outside the workspace, with a global.json of its own,
# so the scanned repository's global.json, NuGet.Config and Directory.*.props/targets cannot reach it.
set -uo pipefail
. "$GITHUB_ACTION_PATH/action/cannot-run.sh"

if [ -f "$BUILD_DIR/mlops-lint.dll" ]; then
  echo "mlops-lint: using the build cached in $BUILD_DIR"
  exit 0
fi
src="$RUNNER_TEMP/mlops-lint-src"
log="$RUNNER_TEMP/mlops-lint-build.log"
rm -rf "$src"
mkdir -p "$src"
(cd "$GITHUB_ACTION_PATH" && tar --exclude=bin --exclude=obj -cf - Directory.Build.props README.md src) | tar -xf - -C "$src"
# any SDK from 10.0 on; a global.json of the scanned repository (cwd) is not consulted from here
printf '{ "sdk": { "version": "10.0.100", "rollForward": "latestMajor" } }\n' > "$src/global.json"
cd "$src" || cannot_run "the action's sources could not be copied to $src"
# publish, not build -o: build -o would put every referenced project's output in one folder
if ! dotnet publish src/MLOpsLint.Cli/MLOpsLint.Cli.csproj --configuration Release --nologo --verbosity quiet \
    -p:ImportDirectoryBuildTargets=false -p:ImportDirectoryPackagesProps=false --output "$BUILD_DIR" > "$log" 2>&1; then
  cat "$log" >&2
  rm -rf "$BUILD_DIR"
  cannot_run "the action could not build mlops-lint (dotnet publish failed):
$(tail -n 20 "$log")"
fi
echo "mlops-lint: built into $BUILD_DIR"
