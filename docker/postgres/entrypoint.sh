#!/bin/sh
# Starts a throwaway PostgreSQL server for SchemaSync's integration matrix: a fresh cluster
# in $PGDATA (a tmpfs in the compose file), listening on 127.0.0.1:$PGPORT only.
# Runs as the `postgres` user (PostgreSQL refuses to run as root).
# Superuser `postgres`; TCP connections from 127.0.0.1 use $POSTGRES_HOST_AUTH: `trust` (the
# default, like integration/start-postgres.sh) or `scram-sha-256` with $POSTGRES_PASSWORD.
set -eu
BIN="/usr/lib/postgresql/$PG_MAJOR/bin"
: "${PGPORT:?}" "${PGDATA:?}" "${POSTGRES_HOST_AUTH:=trust}" "${POSTGRES_PASSWORD:=secret}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
    pwfile="$(mktemp)"
    printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
    "$BIN/initdb" -D "$PGDATA" -U postgres --encoding=UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host="$POSTGRES_HOST_AUTH" --pwfile="$pwfile" >/dev/null
    rm -f "$pwfile"
fi

# Durability is irrelevant for a throwaway server; speed is not.
exec "$BIN/postgres" -D "$PGDATA" \
    -c listen_addresses=127.0.0.1 -c port="$PGPORT" -c unix_socket_directories=/tmp \
    -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off
