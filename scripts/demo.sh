#!/usr/bin/env bash
# The main job: install, build, run the whole pipeline on the bundled demo corpus into an
# embedded SQLite file, then print every story with its brief.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -B build -DCMAKE_BUILD_TYPE=Release -DWB_BUILD_TESTS=OFF >/dev/null
cmake --build build -j "$(nproc)" >/dev/null
db=${WB_DEMO_DB:-demo.db}
build/wirebrief run --db "$db" -j "$(nproc)" data/demo
build/wirebrief show --db "$db"
