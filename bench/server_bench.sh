#!/usr/bin/env bash
# Server benchmark: wrk on loopback against `wirebrief serve` over a synthetic store of
# WB_BENCH_ARTICLES articles (default 100,000; bench/make_server_db.cc writes it once and keeps
# it). The reference, measured in the same run against the same server, is its 4 KB style
# sheet (routing + HTTP, no store): ratios to it compare across machines and loads.
# Each row runs twice: on a server with the response cache off (--cache-mb 0: what a request
# costs when it has to read the store) and with the default cache. WB_BENCH_BEFORE=path/to/an
# older wirebrief adds its rows, measured in the same run, for before/after comparisons.
# Usage: bench/server_bench.sh   (after building build-bench with -DWB_BUILD_BENCH=ON)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${WB_BENCH_ARTICLES:-100000}
build=${WB_BENCH_BUILD:-build-bench}
duration=${WB_BENCH_SECONDS:-10}
connections=${WB_BENCH_CONNECTIONS:-16}
before=${WB_BENCH_BEFORE:-}
if ! dpkg-query -W -f='${Status}' wrk 2>/dev/null | grep -q "install ok installed"; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq wrk >/dev/null
fi
db=$build/server-bench-$n.db
[ -f "$db" ] || "$build/bench/make_server_db" "$db" "$n"
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
stories=$((n / 5))
cat >"$work/story.lua" <<LUA
request = function() return wrk.format("GET", "/v1/stories/s" .. math.random(0, $stories - 1)) end
LUA
# 15 words (each in about 1 in 15 articles) in 6 query forms.
words='{"flood", "strike", "election", "outage", "wildfire", "merger", "storm", "protest", "recall",
        "drought", "landslide", "ceasefire", "heatwave", "blackout", "summit"}'
cat >"$work/search.lua" <<LUA
local words = $words
local sort = os.getenv("WB_SORT") or ""
local forms = {"%s", "%%22%s+in%%22", "%s+OR+storm", "%s+-worsening", "%s+lang:en", "bra*+%s"}
request = function()
  local q = string.format(forms[math.random(#forms)], words[math.random(#words)])
  return wrk.format("GET", "/v1/search?q=" .. q .. sort)
end
LUA
cat >"$work/story_search.lua" <<LUA
local words = $words
request = function() return wrk.format("GET", "/v1/stories?q=" .. words[math.random(#words)]) end
LUA
start_server() {  # binary, extra flags...
  local bin=$1; shift
  "$bin" serve --db "$db" --port 0 "$@" >/dev/null 2>"$work/serve.log" &
  pid=$!
  for _ in $(seq 300); do grep -q serving "$work/serve.log" && break; sleep 0.1; done
  base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.log")
}
stop_server() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
run() {  # name, path, [lua]
  local out
  if [ -n "${3:-}" ]; then out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$3" "$base$2")
  else out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency "$base$2"); fi
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" | tr '\n' ' ' || true)
  echo "$1|$rps|$p50|$p99|$errors"
}
rows() {  # label: every row against the running server, ratios to its own reference
  local label=$1 results=() ref
  # An outlet that exists, for the filtered list (the outlet of the newest story).
  local outlet
  outlet=$(curl -s "$base/v1/stories?limit=1" |
    python3 -c 'import json, sys, urllib.parse; print(urllib.parse.quote(json.load(sys.stdin)["stories"][0]["outlets"][0]))')
  results+=("$(run "reference: GET /style.css" /style.css)")
  results+=("$(run "story list: GET /v1/stories" "/v1/stories?limit=20")")
  results+=("$(run "story list, filtered: outlet + since" "/v1/stories?outlet=$outlet&since=2026-06-01")")
  results+=("$(run "story page: GET /v1/stories/{random of $stories}" /v1/stories/s0 "$work/story.lua")")
  results+=("$(run "story search: GET /v1/stories?q={word}" /v1/stories "$work/story_search.lua")")
  results+=("$(run "search, by relevance: GET /v1/search?q={random}" /v1/search "$work/search.lua")")
  results+=("$(WB_SORT='&sort=recent' run "search, newest first: ...&sort=recent" /v1/search "$work/search.lua")")
  results+=("$(connections=2 run "search, by relevance, 2 connections" /v1/search "$work/search.lua")")
  ref=$(cut -d'|' -f2 <<<"${results[0]}")
  echo
  echo "### $label"
  echo "| request | req/s | p50 | p99 | ratio to reference | errors |"
  echo "|---|---|---|---|---|---|"
  for r in "${results[@]}"; do
    IFS='|' read -r name rps p50 p99 errors <<<"$r"
    ratio=$(awk -v a="$rps" -v b="$ref" 'BEGIN { printf "%.3f", a / b }')
    echo "| $name | $rps | $p50 | $p99 | $ratio | ${errors:-none} |"
  done
}
echo "articles: $n, stories: $stories, wrk -t2 -c$connections -d${duration}s, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "$before" ]; then
  start_server "$before"; rows "before: $before"; stop_server
fi
start_server "$build/wirebrief" --cache-mb 0; rows "cache off (--cache-mb 0)"; stop_server
start_server "$build/wirebrief"; rows "cache on (default 64 MiB)"; stop_server
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
