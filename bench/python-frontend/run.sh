#!/usr/bin/env bash
# Benchmark of the Python front end: tokenize and structure every .py file of a directory
# (default: python3's standard library, site-packages left out), single-threaded, Release build.
set -euo pipefail
cd "$(dirname "$0")"
dotnet run -c Release --project PythonFrontendBench.csproj -- "$@"
