#!/usr/bin/env bash
# Starts a throwaway MariaDB 10.11 server natively on 127.0.0.1 for SchemaSync's tests.
#
#   export SCHEMASYNC_MARIADB_URL="$(integration/start-mariadb.sh)"
#
# Prints only the URL on stdout (progress goes to stderr).
# Idempotent: if the server is already running, it only prints the URL again.
# Installs Debian's `mariadb-server` and `libmariadb-dev` packages when missing (needs root, as on CI).
# Creates a user `schemasync` (password `secret`) allowed over TCP from 127.0.0.1, with every
# privilege, so tests can create and drop their own databases.
# Environment: SCHEMASYNC_MARIADB_PORT (default 33069), SCHEMASYNC_MARIADB_DATA
# (default /tmp/schemasync-mariadb).
set -euo pipefail

PORT="${SCHEMASYNC_MARIADB_PORT:-33069}"
BASE="${SCHEMASYNC_MARIADB_DATA:-/tmp/schemasync-mariadb}"
DATA="$BASE/data"
SOCKET="$BASE/mariadb.sock"
USER_NAME=schemasync
USER_PASSWORD=secret
URL="mariadb://${USER_NAME}:${USER_PASSWORD}@127.0.0.1:${PORT}/mysql"

log() { echo "start-mariadb: $*" >&2; }

if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
    log "installing MariaDB from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq mariadb-server mariadb-client >&2
fi
if [ ! -f /usr/include/mariadb/mysql.h ]; then
    log "installing libmariadb-dev"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq libmariadb-dev pkg-config >&2
fi
MARIADBD="$(command -v mariadbd || echo /usr/sbin/mariadbd)"

ensure_user() {
mariadb --no-defaults --socket="$SOCKET" -uroot >&2 <<SQL
CREATE USER IF NOT EXISTS '${USER_NAME}'@'127.0.0.1' IDENTIFIED BY '${USER_PASSWORD}';
CREATE USER IF NOT EXISTS '${USER_NAME}'@'localhost' IDENTIFIED BY '${USER_PASSWORD}';
GRANT ALL PRIVILEGES ON *.* TO '${USER_NAME}'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO '${USER_NAME}'@'localhost' WITH GRANT OPTION;
FLUSH PRIVILEGES;
SQL
}

ping_server() {
    mariadb-admin --no-defaults --socket="$SOCKET" -uroot ping >/dev/null 2>&1
}

if ping_server; then
    ensure_user
    log "already running on 127.0.0.1:$PORT"
    echo "$URL"
    exit 0
fi

mkdir -p "$BASE"
if ! id mysql >/dev/null 2>&1; then
    log "no 'mysql' system user; the mariadb-server package should have created it"
    exit 1
fi
if [ ! -d "$DATA/mysql" ]; then
    log "initialising $DATA"
    rm -rf "$DATA"
    mkdir -p "$DATA"
    chown -R mysql:mysql "$BASE"
    mariadb-install-db --no-defaults --user=mysql --datadir="$DATA" --auth-root-authentication-method=socket \
        >"$BASE/install.log" 2>&1 || { cat "$BASE/install.log" >&2; exit 1; }
fi
chown -R mysql:mysql "$BASE"

log "starting on 127.0.0.1:$PORT"
nohup "$MARIADBD" --no-defaults --user=mysql --datadir="$DATA" --socket="$SOCKET" \
    --pid-file="$BASE/mariadb.pid" --port="$PORT" --bind-address=127.0.0.1 \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --max-connections=200 --innodb-flush-log-at-trx-commit=0 --skip-name-resolve \
    --log-error="$DATA/server.log" >/dev/null 2>&1 &

for _ in $(seq 1 60); do
    if ping_server; then break; fi
    sleep 0.5
done
if ! ping_server; then
    log "server did not start; see $DATA/server.log"
    tail -n 30 "$DATA/server.log" >&2 || true
    exit 1
fi

ensure_user
log "ready"
echo "$URL"
