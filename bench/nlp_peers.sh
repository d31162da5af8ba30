#!/usr/bin/env bash
# Runs wirebrief's read stage and the npm peers the nlp issue names -- compromise (+dates,
# +numbers) and wink-nlp with wink-eng-lite-web-model -- on the same nlp-kit dev files in one
# run, scores each with the kit's score.py and prints tokens/s (one core, loading excluded for
# the peers; whole process for wirebrief). Usage, from the repo root after a build:
#   bench/nlp_peers.sh [build/wirebrief]
set -euo pipefail
bin=${1:-build/wirebrief}
kit=../shared/bench/nlp
[ -d "$kit" ] || { echo "nlp_peers: $kit is missing" >&2; exit 1; }
peers=${WB_PEERS_DIR:-${TMPDIR:-/tmp}/wb-nlp-peers}
mkdir -p "$peers"
if [ ! -d "$peers/node_modules/wink-eng-lite-web-model" ]; then
  (cd "$peers" && npm install --silent --no-audit --no-fund compromise@14 compromise-dates compromise-numbers \
     wink-nlp wink-eng-lite-web-model >/dev/null)
fi
out=${TMPDIR:-/tmp}/wb-nlp-peers-out
mkdir -p "$out"
for set in gum-news-dev uner-pud-news-dev; do
  python3 - "$kit/data/$set.jsonl" "$out/$set.in.jsonl" <<'PY'
import json, sys
with open(sys.argv[1]) as f, open(sys.argv[2], "w") as g:
    for l in f:
        o = json.loads(l)
        g.write(json.dumps({k: o[k] for k in ("id", "text", "dct") if k in o}) + "\n")
PY
  toks=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].split()) for l in open(sys.argv[1])))" "$out/$set.in.jsonl")
  start=$(date +%s.%N)
  taskset -c 1 "$bin" read --output-format nlp-kit "$out/$set.in.jsonl" > "$out/$set.wirebrief.jsonl"
  end=$(date +%s.%N)
  echo "== $set: wirebrief $(python3 -c "print(round($toks/($end-$start)))") tokens/s (whole process)"
  python3 "$kit/score.py" "$kit/data/$set.jsonl" "$out/$set.wirebrief.jsonl" | grep -E "micro|relaxed|value |overlap |sentence" || true
  for peer in compromise wink; do
    NODE_PATH="$peers/node_modules" taskset -c 1 node bench/nlp_peers.js "$peer" "$out/$set.in.jsonl" \
      > "$out/$set.$peer.jsonl" 2> "$out/$set.$peer.speed"
    echo "== $set: $peer $(cat "$out/$set.$peer.speed")"
    python3 "$kit/score.py" "$kit/data/$set.jsonl" "$out/$set.$peer.jsonl" | grep -E "micro|relaxed|value |overlap |sentence" || true
  done
done
