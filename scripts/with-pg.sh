#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster: TEST_PG_DSN points at it.
# Installs Debian's postgresql when initdb is missing. initdb refuses to run as
# root, so the cluster runs as the postgres user. The cluster and its directory
# are removed when the command ends.
set -euo pipefail
if [ -n "${TEST_PG_DSN:-}" ]; then exec "$@"; fi

find_bin() { command -v "$1" 2>/dev/null || ls /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1; }
INITDB=$(find_bin initdb || true)
if [ -z "$INITDB" ]; then
  echo "with-pg: installing postgresql (initdb not found)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq postgresql >/dev/null
  INITDB=$(find_bin initdb)
fi
BIN=$(dirname "$(readlink -f "$INITDB")")

dir=$(mktemp -d /tmp/gongkai-pg.XXXXXX)
as_pg() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
cleanup() {
  as_pg "'$BIN/pg_ctl' -D '$dir/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

as_pg "'$BIN/initdb' -D '$dir/data' -E UTF8 --locale=C.UTF-8 -A trust -U postgres" >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
port=$((20000 + RANDOM % 20000))
as_pg "'$BIN/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start" >/dev/null ||
  { cat "$dir/server.log" >&2; exit 1; }
export TEST_PG_DSN="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
echo "with-pg: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on port $port" >&2
"$@"
