#!/usr/bin/env bash
# Builds and runs the ingest benchmark (zcat, the reference, comes with Debian's gzip).
# Usage: bench/run_ingest_bench.sh [extra Google Benchmark flags]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --dev
cmake -B build-bench -DWB_BUILD_BENCH=ON -DWB_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench -j2 --target ingest_bench
WB_SOURCE_DIR=$PWD build-bench/bench/ingest_bench --benchmark_min_time=2 "$@"
