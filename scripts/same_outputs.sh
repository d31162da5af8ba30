#!/usr/bin/env bash
# Write what a wirebrief binary prints for a fixed set of inputs into one folder, so a
# behaviour-neutral change (issue 22's tidy commits) can be proved neutral with `diff -r`:
#
#   scripts/same_outputs.sh build-before/wirebrief /tmp/before
#   scripts/same_outputs.sh build/wirebrief /tmp/after && diff -r /tmp/before /tmp/after
#
# Inputs: the demo corpus (run, show in every format, search, db export) and, when
# ../shared/bench is there, the dev splits of the kits through their commands (extract,
# cluster, read, brief). Times and the database path are masked; nothing else is.
set -euo pipefail
bin=$(realpath "$1"); out=$2
root=$(cd "$(dirname "$0")/.." && pwd)
kits=${WB_KITS:-$root/../shared/bench}
rm -rf "$out"; mkdir -p "$out"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mask() { sed -E -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:?[0-9]{2})?/TIME/g' \
                -e "s#$work#WORK#g" -e "s#$root/#ROOT/#g" -e "s/; [0-9.]+ s$/; T s/" -e 's/"(elapsed|seconds|ms|took)[a-z_]*": ?[0-9.e+-]+/"\1": T/g'; }

# The demo corpus through the product path.
db=$work/demo.db
"$bin" run --db "$db" -j 1 "$root/data/demo" >"$work/run.out" 2>"$work/run.err" || true
mask <"$work/run.out" >"$out/demo-run.txt"
for fmt in markdown json jsonl csv; do
  "$bin" show --db "$db" --output-format "$fmt" 2>&1 | mask >"$out/demo-show.$fmt" || true
done
"$bin" show --db "$db" --output-format jsonl 2>/dev/null | python3 -c '
import json,sys
for l in sys.stdin:
    l=l.strip()
    if l: print(json.loads(l).get("id",""))' >"$work/ids" || true
while read -r id; do
  [ -n "$id" ] || continue
  "$bin" show --db "$db" "$id" --output-format json 2>&1 | mask >"$out/demo-story-$id.json" || true
  "$bin" show --db "$db" "$id" 2>&1 | mask >"$out/demo-story-$id.md" || true
done <"$work/ids"
for q in fire 'court OR hearing' 'outlet:*' ; do
  "$bin" search --db "$db" "$q" --output-format jsonl 2>&1 | mask >>"$out/demo-search.jsonl" || true
done
"$bin" db export --db "$db" 2>&1 | mask >"$out/demo-export.jsonl" || true
"$bin" extract --output-format json --jsonl "$root"/data/demo/*/* 2>&1 | mask >"$out/demo-extract.jsonl" || true

if [ ! -d "$kits" ]; then
  echo "same_outputs: no benchmark kits at $kits; wrote the demo outputs only" >&2
  exit 0
fi
# The kit commands on each kit's dev split (labels stripped as the scorers do).
ex=$kits/extraction/data
"$bin" extract --jsonl "$ex"/dev/*.html 2>"$work/e.err" | mask >"$out/kit-extract-dev.jsonl" || true
"$bin" extract --output-format json --jsonl --base-url http://fakehost/test/page.html \
  "$ex"/readability/*/source.html 2>/dev/null | mask >"$out/kit-extract-readability.jsonl" || true
for f in dev ecbplus-dev; do
  python3 -c 'import json,sys
for l in open(sys.argv[1]):
    o=json.loads(l); o.pop("cluster",None); print(json.dumps(o))' "$kits/clustering/data/$f.jsonl" >"$work/c.jsonl"
  "$bin" cluster --jsonl "$work/c.jsonl" 2>/dev/null >"$out/kit-cluster-$f.jsonl" || true
done
for f in "$kits"/nlp/data/gum-news-dev.jsonl "$kits"/nlp/data/uner-pud-news*-dev.jsonl; do
  [ -f "$f" ] || continue
  python3 -c 'import json,sys
for l in open(sys.argv[1]):
    o=json.loads(l); print(json.dumps({k:o[k] for k in ("id","text","dct") if k in o}))' "$f" >"$work/r.jsonl"
  "$bin" read --jsonl "$work/r.jsonl" 2>/dev/null >"$out/kit-read-$(basename "$f")" || true
done
python3 -c 'import json,sys
for l in open(sys.argv[1]):
    o=json.loads(l); o.pop("references",None); o.pop("reference_sentences",None); print(json.dumps(o))' \
  "$kits/brief/data/multinews_dev.jsonl" >"$work/b.jsonl"
"$bin" brief --jsonl "$work/b.jsonl" 2>/dev/null >"$out/kit-brief-dev.jsonl" || true
echo "same_outputs: $(ls "$out" | wc -l) files in $out"
