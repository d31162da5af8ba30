#!/usr/bin/env bash
# Installs the Debian 12 packages wirebrief builds and tests with. Idempotent: packages already
# present are not fetched again, and apt-get update runs only when something is missing.
set -euo pipefail
pkgs=(build-essential cmake pkg-config python3 zlib1g-dev libsqlite3-dev libxml2-dev
      nlohmann-json3-dev libcli11-dev libxxhash-dev nettle-dev libzstd-dev libuchardet-dev libcurl4-openssl-dev libicu-dev
      libcpp-httplib-dev libssl-dev libstemmer-dev libcld2-dev libpq-dev)
if [ "${1:-}" = "--tests" ]; then
  # fonts-noto-cjk: Chinese, Japanese and Korean glyphs for the browser test's pages (without
  # it Chromium draws boxes; web/tests checks that it does not).
  pkgs+=(libgtest-dev libgmock-dev chromium postgresql fonts-noto-cjk)
  # The distributed test (tests/distributed): a real Dask scheduler and workers.
  pkgs+=(python3-distributed)
fi
if [ "${1:-}" = "--dev" ]; then
  pkgs+=(libgtest-dev libgmock-dev libbenchmark-dev clang libclang-rt-14-dev)
  # extraction benches: HTML parser candidates (bench/parsers_bench.cc) and the Debian peers
  # of bench/peers/extract_peers.sh (npm peers are installed by that script).
  pkgs+=(libgumbo-dev libmodest-dev python3-readability python3-html-text nodejs npm bc)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "installing: ${missing[*]}" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
