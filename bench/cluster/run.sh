#!/usr/bin/env bash
# Story clustering: the kit's baseline.py and `wirebrief cluster` on both dev sets in one run
# (BCubed F1 and whole-process docs/s of each), then the Google Benchmark (one-core CPU
# throughput, the reprint-family set, RSS after 1M synthetic headlines).
#   bench/cluster/run.sh [BUILD_DIR]     (from the worktree root; BUILD_DIR default: build,
#                                          configured with -DWB_BUILD_BENCH=ON)
set -euo pipefail
build=${1:-build}
kit=${WB_CLUSTER_KIT:-../shared/bench/clustering}
[ -d "$kit/data" ] || { echo "run.sh: $kit/data missing (set WB_CLUSTER_KIT)"; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 bench/cluster/make_reprints.py "$tmp/reprints.jsonl"
printf '%-12s %-10s %-8s %-8s %-10s\n' set system BCubedF1 docs/s "ratio"
for set in dev ecbplus-dev; do
  python3 -c "import json,sys
for l in open(sys.argv[1]):
    o=json.loads(l); o.pop('cluster',None); print(json.dumps(o))" "$kit/data/$set.jsonl" >"$tmp/in.jsonl"
  n=$(wc -l <"$tmp/in.jsonl")
  if [ "$set" = dev ]; then args=(--threshold 0.08 --window 0); else args=(--threshold 0.20); fi
  python3 "$kit/baseline.py" "$kit/data/$set.jsonl" "${args[@]}" >"$tmp/base.jsonl" 2>"$tmp/base.err"
  base_rate=$(grep -o '[0-9]* docs/s' "$tmp/base.err" | cut -d' ' -f1)
  base_f1=$(python3 "$kit/score.py" "$kit/data/$set.jsonl" "$tmp/base.jsonl" | tail -1 | cut -d' ' -f2)
  start=$(date +%s.%N)
  "$build/wirebrief" cluster "$tmp/in.jsonl" >"$tmp/ours.jsonl" 2>/dev/null
  secs=$(echo "$(date +%s.%N) - $start" | bc -l)
  ours_rate=$(echo "$n / $secs" | bc)
  ours_f1=$(python3 "$kit/score.py" "$kit/data/$set.jsonl" "$tmp/ours.jsonl" | tail -1 | cut -d' ' -f2)
  printf '%-12s %-10s %-8s %-8s\n' "$set" baseline "$base_f1" "$base_rate"
  printf '%-12s %-10s %-8s %-8s %-10s\n' "$set" wirebrief "$ours_f1" "$ours_rate" \
    "x$(echo "scale=1; $ours_rate / $base_rate" | bc)"
done
echo "(wirebrief docs/s: whole process incl. JSON parsing and output; baseline: clustering only, its own timer)"
WB_CLUSTER_KIT="$kit" WB_REPRINTS="$tmp/reprints.jsonl" "$build/bench/cluster_bench"
