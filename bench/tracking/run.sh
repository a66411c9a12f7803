#!/usr/bin/env bash
# The seed and MLO7xx rules' own CPU (parse, SeedSummary, TrackingSummary, SeedIndex, TrackingIndex) on the benchmark corpora, one thread, in process.
#   bench/tracking/run.sh [--runs N] [--dump FILE] [CORPUS...]   (default: bench/out/synth bench/out/kaggle bench/out/stdlib)
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
args=("$@")
has_corpus=0
for a in "$@"; do [ -d "$a" ] && has_corpus=1; done
[ $has_corpus = 1 ] || args+=("$root/bench/out/synth" "$root/bench/out/kaggle" "$root/bench/out/stdlib")
dotnet run -c Release --project TrackingBench.csproj -- "${args[@]}"
