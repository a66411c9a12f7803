#!/usr/bin/env bash
# Secret/path detector throughput on one core. Default corpus: the Python standard library (site-packages inside
# it included); pass directories to use others, e.g. ./run.sh "$(python3 -c 'import site; print(site.getsitepackages()[0])')"
set -euo pipefail
cd "$(dirname "$0")"
dotnet run -c Release --project SecretsBench.csproj -- "$@"
