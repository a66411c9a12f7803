#!/usr/bin/env bash
# Benchmark of the Python front end: tokenize and structure every .py file of a directory
# (default: python3's standard library, site-packages left out), single-threaded, Release build.
# Prints per phase (decode, tokenize, tokenize + structure) the median of 5 runs after a warm-up: wall clock and
# process CPU time as MB/s on one core, bytes allocated and GC counts (gen0/gen1/gen2) of one run.
# Options: --runs N, --only tokenize|structure|seeds (seeds: also the seed rules' per-module summary), --dump FILE (every module's structure as text, for diffing
# the front end's output before and after a change), and a directory instead of the standard library.
set -euo pipefail
cd "$(dirname "$0")"
dotnet run -c Release --project PythonFrontendBench.csproj -- "$@"
