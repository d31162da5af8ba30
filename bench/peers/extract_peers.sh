#!/usr/bin/env bash
# Extraction peers next to wirebrief on the same kit pages, in the same run (issue 5).
# Installs its peers itself: Debian's python3-readability (readability-lxml) and
# python3-html-text, and npm's @mozilla/readability + linkedom into $PEERS_DIR.
# Usage, from the repo root after a Release build:  bench/peers/extract_peers.sh [build/wirebrief]
# Prints, per split (dev, readability): extractor, F1, precision, recall, docs/s (one core).
set -euo pipefail
BIN=${1:-build/wirebrief}
HERE=$(cd "$(dirname "$0")" && pwd)
KIT=$(cd "${KIT:-../shared/bench/extraction}" && pwd)
PEERS_DIR=${PEERS_DIR:-build/peers}
SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
PY=/usr/bin/python3  # Debian's python, where the apt packages land

[ -x "$BIN" ] || { echo "extract_peers: no executable at $BIN: build first" >&2; exit 2; }
[ -d "$KIT/data" ] || { echo "extract_peers: kit not found at $KIT" >&2; exit 2; }
for pkg in python3-readability python3-html-text; do
  dpkg -s "$pkg" >/dev/null 2>&1 || $SUDO apt-get install -y -q "$pkg" >/dev/null
done
mkdir -p "$PEERS_DIR"
if [ ! -d "$PEERS_DIR/node_modules/@mozilla/readability" ] || [ ! -d "$PEERS_DIR/node_modules/linkedom" ]; then
  (cd "$PEERS_DIR" && npm init -y >/dev/null && npm install --silent @mozilla/readability linkedom >/dev/null)
fi
cp "$HERE/readability_js.mjs" "$PEERS_DIR/"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

score() {  # truth predictions -> "F1 P R"
  python3 "$KIT/score.py" "$1" "$2" | tail -1 | awk '{print $2, $4, $6}'
}

for split in dev readability; do
  if [ $split = dev ]; then
    ls "$KIT"/data/dev/*.html > "$TMP/files"; truth="$KIT/data/dev.jsonl"; idf=file; extra=()
  else
    ls "$KIT"/data/readability/*/source.html > "$TMP/files"; truth="$KIT/data/readability.jsonl"; idf=dir
    extra=(--base-url http://fakehost/test/page.html)
  fi
  n=$(wc -l < "$TMP/files")
  # wirebrief: whole process on one core (startup, reading files, JSON output included).
  t0=$(date +%s.%N)
  xargs -a "$TMP/files" "$BIN" extract --jobs 1 --output-format jsonl "${extra[@]}" > "$TMP/wb.raw" 2>/dev/null || true
  t1=$(date +%s.%N)
  python3 -c "
import json, os, sys
for l in open(sys.argv[1]):
    o = json.loads(l); s = o.get('source', '')
    i = os.path.basename(os.path.dirname(s)) if sys.argv[2] == 'dir' else os.path.basename(s)[:-5]
    print(json.dumps({'id': i, 'text': o.get('text', '')}))" "$TMP/wb.raw" $idf > "$TMP/wb.jsonl"
  wb_rate=$(echo "$n / ($t1 - $t0)" | bc -l)
  js_rate=$(cd "$PEERS_DIR" && node readability_js.mjs "$TMP/files" "$TMP/js.jsonl" $idf | awk '{print $2}')
  $PY "$HERE/readability_lxml.py" "$TMP/files" "$TMP/py" $idf > "$TMP/py.rates"
  echo "## $split ($n pages)"
  printf '%-34s %6s %6s %6s %9s\n' extractor F1 prec rec docs/s
  printf '%-34s %6s %6s %6s %9.1f\n' "wirebrief (whole process)" $(score "$truth" "$TMP/wb.jsonl") "$wb_rate"
  printf '%-34s %6s %6s %6s %9s\n' "Readability.js + linkedom (npm)" $(score "$truth" "$TMP/js.jsonl") "$js_rate"
  for peer in readability-lxml html-text; do
    rate=$(awk -v p=$peer '$1 == p {print $3}' "$TMP/py.rates")
    printf '%-34s %6s %6s %6s %9s\n' "$peer (Debian)" $(score "$truth" "$TMP/py.$peer.jsonl") "$rate"
  done
done
