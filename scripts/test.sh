#!/usr/bin/env bash
# The test command (README, .ci/run): install, build with tests, run ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --tests
cmake -B build -DCMAKE_BUILD_TYPE=Release -DWB_BUILD_TESTS=ON >/dev/null
cmake --build build -j "$(nproc)"
ctest --test-dir build --output-on-failure -j "$(nproc)"
