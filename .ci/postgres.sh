#!/usr/bin/env bash
# Sourced by .ci/run: installs Debian's PostgreSQL when missing, starts a throwaway
# cluster as the unprivileged `postgres` user on a loopback port, creates the test
# database and exports TRACKSTAR_TEST_DATABASE_URL, so the store tests run against a
# real server as well as PGlite. The cluster is stopped and removed when the shell exits.
# Any failure here leaves the URL unset: the PostgreSQL tests then skip and say why.

start_test_postgres() {
  local pg_bin port data_root
  if [ -n "${TRACKSTAR_TEST_DATABASE_URL:-}" ]; then
    echo "PostgreSQL for the store tests: $TRACKSTAR_TEST_DATABASE_URL (given)"
    return 0
  fi
  as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
    echo "Installing Debian's postgresql for the store tests…"
    as_root apt-get install -y -qq postgresql >/dev/null 2>&1 || { as_root apt-get update -qq && as_root apt-get install -y -qq postgresql; } || return 1
  fi
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  id postgres >/dev/null 2>&1 || as_root useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres || return 1
  port="${TRACKSTAR_TEST_PG_PORT:-$(node -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}"
  data_root="$(mktemp -d /tmp/trackstar-pg.XXXXXX)"
  chmod 755 "$data_root"
  as_root chown postgres "$data_root"
  run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
  run_pg "$pg_bin/initdb" -D "$data_root/data" -A trust -U postgres --no-instructions >/dev/null || return 1
  run_pg "$pg_bin/pg_ctl" -D "$data_root/data" -l "$data_root/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $data_root -c fsync=off" start >/dev/null || { cat "$data_root/server.log"; return 1; }
  TRACKSTAR_TEST_PG_STOP="run_pg $pg_bin/pg_ctl -D $data_root/data -m fast -w stop; rm -rf $data_root"
  trap 'eval "$TRACKSTAR_TEST_PG_STOP" >/dev/null 2>&1 || true' EXIT
  run_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U postgres trackstar_test || return 1
  export TRACKSTAR_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/trackstar_test"
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') for the store tests: $TRACKSTAR_TEST_DATABASE_URL"
}

start_test_postgres || echo "PostgreSQL could not be started: the PostgreSQL store tests will skip."
