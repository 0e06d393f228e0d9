#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 server natively on 127.0.0.1 for SchemaSync's tests.
#
#   export SCHEMASYNC_POSTGRES_URL="$(integration/start-postgres.sh)"
#
# Prints only the URL on stdout (progress goes to stderr).
#
# Idempotent: if the server is already running, it only prints the URL again.
# Installs Debian's `postgresql` package when it is missing (needs root, as on CI).
# Environment: SCHEMASYNC_PG_PORT (default 54329), SCHEMASYNC_PG_DATA (default /tmp/schemasync-pg).
set -euo pipefail

PORT="${SCHEMASYNC_PG_PORT:-54329}"
DATA="${SCHEMASYNC_PG_DATA:-/tmp/schemasync-pg}"
BIN=/usr/lib/postgresql/15/bin
URL="postgres://postgres@127.0.0.1:${PORT}/postgres"

log() { echo "start-postgres: $*" >&2; }

as_postgres() {
    if [ "$(id -un)" = postgres ]; then
        bash -c "$1"
    else
        su postgres -s /bin/bash -c "$1"
    fi
}

if [ ! -x "$BIN/initdb" ]; then
    log "installing PostgreSQL 15 from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql-15 libpq-dev >&2 || apt-get install -y -qq postgresql libpq-dev >&2
fi
if ! id postgres >/dev/null 2>&1; then
    log "no 'postgres' system user; the postgresql package should have created it"
    exit 1
fi

if [ -f "$DATA/PG_VERSION" ] && as_postgres "$BIN/pg_ctl -D '$DATA' status" >/dev/null 2>&1; then
    log "already running on 127.0.0.1:$PORT"
    echo "$URL"
    exit 0
fi

if [ ! -f "$DATA/PG_VERSION" ]; then
    log "initialising $DATA"
    mkdir -p "$DATA"
    chown postgres:postgres "$DATA"
    chmod 700 "$DATA"
    as_postgres "$BIN/initdb -D '$DATA' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null" \
        || as_postgres "$BIN/initdb -D '$DATA' -U postgres --auth=trust --encoding=UTF8 --no-locale >/dev/null"
fi

log "starting on 127.0.0.1:$PORT"
as_postgres "$BIN/pg_ctl -D '$DATA' -l '$DATA/server.log' -w -t 30 \
    -o \"-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories='$DATA' -c max_connections=100 -c fsync=off\" start >/dev/null"
log "ready"
echo "$URL"
