#!/bin/sh
# The brief kit's dev stories through the extractive baselines (bench/brief_baselines.py: lead,
# TF-IDF centroid, TextRank) and `wirebrief brief --jsonl`, in one run, all scored by the kit's
# scorer; prints one table (ROUGE, words, citation checks, seconds for the whole file).
# usage: bench/run_brief_bench.sh [path/to/wirebrief]   (from the worktree root; needs ../shared)
set -eu
BIN=${1:-build/wirebrief}
KIT=${KIT:-../shared/bench/brief}
DATA=$KIT/data/multinews_dev.jsonl
if [ ! -f "$DATA" ]; then
  echo "run_brief_bench: $DATA not found (needs ../shared); nothing run" >&2
  exit 0
fi
[ -x "$BIN" ] || { echo "run_brief_bench: $BIN not built" >&2; exit 2; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

now() { python3 -c 'import time; print(time.monotonic())'; }
t0=$(now)
python3 "$(dirname "$0")/brief_baselines.py" --kit "$KIT" --data "$DATA" --out "$OUT"
t1=$(now)
"$BIN" brief "$DATA" > "$OUT/wirebrief.jsonl"
t2=$(now)

for sys in lead centroid textrank wirebrief; do
  python3 "$KIT/score.py" summ --data "$DATA" --pred "$OUT/$sys.jsonl" --json > "$OUT/$sys.score.json"
done
python3 - "$OUT" "$t0" "$t1" "$t2" <<'PY'
import json, sys
out, t0, t1, t2 = sys.argv[1], *map(float, sys.argv[2:])
rows = [("lead (article 0, 250 words)", "lead"), ("TF-IDF centroid + redundancy", "centroid"),
        ("TextRank", "textrank"), ("wirebrief brief --jsonl", "wirebrief")]
print("| system | R-1 | R-2 | R-L | R-Lsum | words | citation_support | number_support | cited/valid | seconds |")
print("|---|---|---|---|---|---|---|---|---|---|")
for label, name in rows:
    s = json.load(open(f"{out}/{name}.score.json"))
    secs = f"{t2 - t1:.1f}" if name == "wirebrief" else (f"{t1 - t0:.1f} (all 3)" if name == "lead" else "")
    f = lambda k: f"{s[k]:.2f}" if k in s else "-"
    print(f"| {label} | {f('rouge1_f')} | {f('rouge2_f')} | {f('rougeL_f')} | {f('rougeLsum_f')} | "
          f"{s['words']:.0f} | {f('citation_support')} | {f('number_support')} | "
          f"{f('cited_share')}/{f('cite_valid')} | {secs} |")
print(f"\n{json.load(open(out + '/wirebrief.score.json'))['n']} stories (Multi-News dev); "
      "baselines: bench/brief_baselines.py (own implementation, see its header)")
PY
