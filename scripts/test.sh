#!/usr/bin/env bash
# The test command (README, .ci/run): install, build with tests, run ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --tests
# The browser tests' npm packages (playwright-core, pinned by web/tests/package-lock.json); the
# browser itself is Debian's chromium from install-deps.sh.
(cd web/tests && npm ci --no-audit --no-fund --loglevel=error)
cmake -B build -DCMAKE_BUILD_TYPE=Release -DWB_BUILD_TESTS=ON >/dev/null
cmake --build build -j "$(nproc)"
ctest --test-dir build --output-on-failure -j "$(nproc)"
