#!/usr/bin/env bash
# Scale-out bench (issue 23; results in bench/README.md ## scale-out):
#  1. the Dask driver (tools/distributed/wirebrief_dask.py) over N WARC files with 1 and with 2
#     single-threaded workers on this machine: map time, reduce time, speedup, and whether each
#     store equals a single-process `run -j 2` on the same files (compare_stores.py);
#  2. one process, -j 2, one WARC of the kit pages (E2E_PAGES=956): pages/s of each whole-process stage
#     (ingest, + extract, + read = process, + store/cluster/brief = run), against `zcat` of the
#     same file timed in the same run (the machine is noisy: read the ratios).
# WARCs are built from the extraction kit's pages (bench/make_bench_warcs.py; not committed).
#   bench/scale_out.sh [BUILD_DIR]      env: KIT (default ../shared/bench/extraction), N=24, PER=60,
#                                       E2E_PAGES=956, SKIP_DASK=1 (only part 2)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
bin="$build/wirebrief"
kit="${KIT:-$root/../shared/bench/extraction}"
n="${N:-24}"
per="${PER:-60}"
py=""
for p in $(type -ap python3); do "$p" -c 'import distributed' 2>/dev/null && { py="$p"; break; }; done
[ -n "$py" ] || { echo "needs python3-distributed (apt-get install python3-distributed)" >&2; exit 1; }
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l | xargs printf '%.2f'; }

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores; other users' builds count)"
"$py" "$root/bench/make_bench_warcs.py" "$kit" "$work/warc" "$n" "$per" >&2
warcs=("$work"/warc/bench-*.warc.gz)
records=$((n * per))

if [ -z "${SKIP_DASK:-}" ]; then
t0=$(now); cat "${warcs[@]}" | zcat > /dev/null; t1=$(now)
zcat_all=$(secs "$t0" "$t1")
t0=$(now); "$bin" run -q -j 2 --db "$work/one.db" "${warcs[@]}" > /dev/null; t1=$(now)
one=$(secs "$t0" "$t1")
echo "reference: zcat of the $n archives ${zcat_all}s; single process run -j 2: ${one}s ($records records)"

start_cluster() {  # $1 = workers; sets $f to the scheduler file (no subshell: $pids must stick)
  f="$work/sched-$1.json"
  "$py" -m distributed.cli.dask_scheduler --host 127.0.0.1 --port 0 --dashboard-address 127.0.0.1:0 \
    --scheduler-file "$f" > "$work/dask-$1.log" 2>&1 &
  pids+=($!)
  while [ ! -s "$f" ]; do sleep 0.2; done
  for w in $(seq "$1"); do
    "$py" -m distributed.cli.dask_worker --scheduler-file "$f" --host 127.0.0.1 --nthreads 1 \
      --no-dashboard --local-directory "$work/w$1-$w" >> "$work/dask-$1.log" 2>&1 &
    pids+=($!)
  done
  "$py" -c "from distributed import Client; c = Client(scheduler_file='$f'); c.wait_for_workers($1); c.close()"
}

# Same-run reference for the map: the same tasks without Dask, one at a time and two at a time
# (xargs -P 2): what two processes give on this machine at this moment.
mkdir -p "$work/seq" "$work/par"
t0=$(now)
printf '%s\n' "${warcs[@]}" | xargs -P 1 -I{} sh -c '"$0" process -q -j 1 -o "$1/$(basename "$2").jsonl.zst" "$2"' "$bin" "$work/seq" {} 2>/dev/null
t1=$(now)
printf '%s\n' "${warcs[@]}" | xargs -P 2 -I{} sh -c '"$0" process -q -j 1 -o "$1/$(basename "$2").jsonl.zst" "$2"' "$bin" "$work/par" {} 2>/dev/null
t2=$(now)
seq_s=$(secs "$t0" "$t1"); par_s=$(secs "$t1" "$t2")
echo "reference map without Dask: one process at a time ${seq_s}s, two at a time (xargs -P 2) ${par_s}s: $(echo "$seq_s / $par_s" | bc -l | xargs printf '%.2f')x"

declare -A map_s reduce_s
for workers in 1 2; do
  start_cluster "$workers"
  t0=$(now)
  "$py" "$root/tools/distributed/wirebrief_dask.py" -q --scheduler-file "$f" --binary "$bin" \
    --out "$work/out-$workers" "${warcs[@]}"
  t1=$(now)
  "$bin" run -q -j 2 --db "$work/dask-$workers.db" "$work/out-$workers"/*.jsonl.zst > /dev/null
  t2=$(now)
  map_s[$workers]=$(secs "$t0" "$t1")
  reduce_s[$workers]=$(secs "$t1" "$t2")
  same=$("$py" "$root/tools/distributed/compare_stores.py" --binary "$bin" "$work/one.db" "$work/dask-$workers.db" 2>&1 | tail -1)
  echo "dask $workers worker(s): map ${map_s[$workers]}s ($(echo "$records / ${map_s[$workers]}" | bc -l | xargs printf '%.1f') pages/s), reduce ${reduce_s[$workers]}s; vs single process: $same"
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do while kill -0 "$p" 2>/dev/null; do sleep 0.2; done; done
  pids=()
done
echo "speedup 2 vs 1 worker: map $(echo "${map_s[1]} / ${map_s[2]}" | bc -l | xargs printf '%.2f')x, map+reduce $(echo "(${map_s[1]} + ${reduce_s[1]}) / (${map_s[2]} + ${reduce_s[2]})" | bc -l | xargs printf '%.2f')x; Dask 1 worker / one process at a time: $(echo "${map_s[1]} / $seq_s" | bc -l | xargs printf '%.2f')"
cmp <(cd "$work/out-1" && cat *.zst | zstd -dc) <(cd "$work/out-2" && cat *.zst | zstd -dc) > /dev/null \
  && echo "map outputs of 1 and 2 workers: identical bytes" || echo "map outputs of 1 and 2 workers DIFFER"

fi

# End to end on one archive of every kit page 4 times over (956 records: several batches, so
# reading, extraction and storing can overlap), one process, -j 2; best of 3 for each stage.
all="${E2E_PAGES:-956}"
"$py" "$root/bench/make_bench_warcs.py" "$kit" "$work/e2e" 1 "$all" >&2
warc="$work/e2e/bench-000.warc.gz"
best() {  # "wall cpu": the best wall seconds of 3 runs of "$@", and the CPU seconds of that run
  local b="" c=""
  for i in 1 2 3; do
    rm -f "$work/e2e.db"*
    /usr/bin/time -o "$work/time" -f "%e %U %S" "$@" > /dev/null 2>&1 || true
    read -r e u s < "$work/time"
    if [ -z "$b" ] || [ "$(echo "$e < $b" | bc)" = 1 ]; then b=$e; c=$(echo "$u + $s" | bc -l); fi
  done
  echo "$b $c"
}
read -r z zc <<< "$(best zcat "$warc")"
read -r ing ingc <<< "$(best "$bin" ingest "$warc")"
read -r ext extc <<< "$(best "$bin" extract -j 2 --output-format jsonl "$warc")"
read -r proc procc <<< "$(best "$bin" process -q -j 2 "$warc")"
read -r run runc <<< "$(best "$bin" run -q -j 2 --db "$work/e2e.db" "$warc")"
rate() { echo "$all / $1" | bc -l | xargs printf '%.1f'; }
ratio() { echo "$1 / $z" | bc -l | xargs printf '%.1f'; }
ms() { echo "$1 * 1000 / $all" | bc -l | xargs printf '%.2f'; }
echo "end to end, one WARC of $all pages, one process -j 2 (best of 3; x = wall time / zcat's; CPU = user+sys of that run):"
echo "  zcat                 ${z}s                        CPU $(ms "$zc") ms/page"
echo "  ingest               ${ing}s  $(rate "$ing") pages/s  x$(ratio "$ing")  CPU $(ms "$ingc") ms/page"
echo "  extract (ingest+)    ${ext}s  $(rate "$ext") pages/s  x$(ratio "$ext")  CPU $(ms "$extc") ms/page"
echo "  process (+read)      ${proc}s  $(rate "$proc") pages/s  x$(ratio "$proc")  CPU $(ms "$procc") ms/page"
echo "  run (+store,stories) ${run}s  $(rate "$run") pages/s  x$(ratio "$run")  CPU $(ms "$runc") ms/page"
echo "  end to end / extraction stage rate: $(echo "$ext / $run" | bc -l | xargs printf '%.2f')"

# CPU per page (robust to other load): the map on one thread, and the reduce per line.
cpu() { /usr/bin/time -f "%U %S %e" "$@" 2>&1 >/dev/null | tail -1; }
read -r u s e <<< "$(cpu "$bin" process -q -j 1 -o "$work/e2e.jsonl" "$warc")"
echo "  map CPU per page (process -j 1): $(echo "($u + $s) * 1000 / $all" | bc -l | xargs printf '%.2f') ms; wall ${e}s"
rm -f "$work/e2e.db"*
read -r u s e <<< "$(cpu "$bin" run -q -j 2 --db "$work/e2e.db" "$work/e2e.jsonl")"
echo "  reduce per line (run -j 2 on process output, SQLite): CPU $(echo "($u + $s) * 1000 / $all" | bc -l | xargs printf '%.2f') ms, wall $(echo "$e * 1000 / $all" | bc -l | xargs printf '%.2f') ms"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
