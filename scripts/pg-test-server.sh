#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and benchmarks (Debian's `postgresql` package,
# installed by scripts/install-deps.sh --tests).
#
#   scripts/pg-test-server.sh start STATE_FILE   initdb in a new temp dir, start on a Unix socket
#                                                there (no TCP port, so parallel runs never clash),
#                                                write WB_TEST_PG_URL=... to STATE_FILE
#   scripts/pg-test-server.sh stop STATE_FILE    stop that cluster and delete its directory
#
# PostgreSQL refuses to run as root, and CI runs as root: then the cluster belongs to the
# `postgres` user the package creates (or `nobody`). Without the package, start writes no URL and
# exits 0; the PostgreSQL tests then skip, naming what is missing.
set -euo pipefail
cmd=${1:?usage: pg-test-server.sh start|stop STATE_FILE}
state=${2:?usage: pg-test-server.sh start|stop STATE_FILE}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    local user=postgres
    id -u postgres >/dev/null 2>&1 || user=nobody
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

stop() {
  [ -f "$state" ] || return 0
  local dir
  dir=$(sed -n 's/^WB_TEST_PG_DIR=//p' "$state")
  if [ -n "$dir" ] && [ -d "$dir/data" ]; then
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  [ -n "$dir" ] && rm -rf "$dir"
  rm -f "$state"
}

case "$cmd" in
  start)
    stop  # a cluster left by an interrupted run
    mkdir -p "$(dirname "$state")"
    if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
      echo "pg-test-server: Debian's postgresql package is not installed; PostgreSQL tests will skip" >&2
      : >"$state"
      exit 0
    fi
    dir=$(mktemp -d /tmp/wb-pg-XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown "$(id -u postgres 2>/dev/null || id -u nobody)" "$dir"
    echo "WB_TEST_PG_DIR=$dir" >"$state"
    as_owner "$bindir/initdb" -D "$dir/data" -U wirebrief -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    # Throwaway data: durability off makes the tests faster and changes nothing they check
    # (crash tests kill the client, not the server).
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
      -o "-k $dir -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "WB_TEST_PG_URL=postgresql://wirebrief@/postgres?host=$dir" >>"$state"
    ;;
  stop) stop ;;
  *) echo "usage: pg-test-server.sh start|stop STATE_FILE" >&2; exit 2 ;;
esac
