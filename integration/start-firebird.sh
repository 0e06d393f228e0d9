#!/usr/bin/env bash
# Starts a throwaway Firebird 3 server natively on 127.0.0.1 for SchemaSync's tests.
#
#   export SCHEMASYNC_FIREBIRD_URL="$(integration/start-firebird.sh)"
#
# Prints only the URL on stdout (progress goes to stderr):
#
#   firebird://SYSDBA:schemasync@127.0.0.1:30509//tmp/schemasync-firebird/data/
#
# A Firebird database is a file on the server, so the URL's path is a server-side path: after the
# `host:port/` comes the absolute path (hence the `//`). A path ending in `/` names a directory:
# a test creates its own fresh database there (`CREATE DATABASE '<dir>/<name>.fdb'`) and drops it
# afterwards. The server only lets clients open or create databases inside that directory.
#
# Idempotent: if the server is already running, it only prints the URL again.
# Installs nothing (setup does that): it needs Debian's `firebird3.0-server`, `firebird3.0-utils`
# (isql-fb, fbsvcmgr) and `firebird-dev` (ibase.h, libfbclient.so). The server keeps everything under one directory (its own
# firebird.conf, security database with the SYSDBA password below, lock files, temp files, data),
# so it runs beside, and never touches, a system Firebird service. Runs as the calling user.
# `start-firebird.sh --stop` stops it (SIGTERM, then SIGKILL after 10 s: Firebird 3 sometimes
# ignores SIGTERM, as Debian's init script also allows for).
# Environment: SCHEMASYNC_FIREBIRD_PORT (default 30509), SCHEMASYNC_FIREBIRD_DATA
# (default /tmp/schemasync-firebird), SCHEMASYNC_FIREBIRD_PASSWORD (default schemasync).
set -euo pipefail

PORT="${SCHEMASYNC_FIREBIRD_PORT:-30509}"
BASE="${SCHEMASYNC_FIREBIRD_DATA:-/tmp/schemasync-firebird}"
PASSWORD="${SCHEMASYNC_FIREBIRD_PASSWORD:-schemasync}"
ROOT="$BASE/root"         # what the server reads as its root: firebird.conf, databases.conf, firebird.msg
LOCK="$BASE/lock"
TMPDIR_FB="$BASE/tmp"
DATA="$BASE/data"
SECDB="$BASE/security3.fdb"
PIDFILE="$BASE/server.pid"
LOG="$BASE/server.log"
SYSTEM_ROOT=/usr/lib/x86_64-linux-gnu/firebird/3.0
URL="firebird://SYSDBA:${PASSWORD}@127.0.0.1:${PORT}/${DATA}/"

log() { echo "start-firebird: $*" >&2; }

missing=()
[ -x /usr/sbin/firebird ] || missing+=("firebird3.0-server")
command -v isql-fb >/dev/null 2>&1 && command -v fbsvcmgr >/dev/null 2>&1 || missing+=("firebird3.0-utils")
[ -f /usr/include/ibase.h ] || missing+=("firebird-dev")
if [ ${#missing[@]} -gt 0 ]; then
    log "Firebird 3 is not installed; missing Debian package(s): ${missing[*]}"
    log "install them with: apt-get install -y --no-install-recommends ${missing[*]}"
    exit 1
fi
if [ ! -d "$SYSTEM_ROOT" ]; then
    # Debian's layout on other architectures: find the directory holding firebird.msg.
    SYSTEM_ROOT="$(dirname "$(find /usr/lib -path '*firebird/3.0/firebird.msg' -print -quit)")"
fi

# Everything the server and the embedded tools read comes from here, not from /etc/firebird.
export FIREBIRD="$ROOT" FIREBIRD_LOCK="$LOCK" FIREBIRD_TMP="$TMPDIR_FB" FIREBIRD_MSG="$ROOT"
unset ISC_USER ISC_PASSWORD

# Whether the server started from $BASE is alive (a dead child not yet reaped is not).
server_pid() {
    local pid
    pid="$(cat "$PIDFILE" 2>/dev/null)" || return 1
    [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] && ! grep -q ') Z ' "/proc/$pid/stat" && echo "$pid"
}

stop_server() {
    local pid
    pid="$(server_pid)" || { log "not running"; return 0; }
    kill "$pid"
    for _ in $(seq 1 20); do server_pid >/dev/null || break; sleep 0.5; done
    if server_pid >/dev/null; then
        log "server (pid $pid) ignored SIGTERM; killing it"
        kill -KILL "$pid"
    fi
    rm -f "$PIDFILE"
    log "stopped"
}

ping_server() {
    fbsvcmgr "127.0.0.1/$PORT:service_mgr" -user SYSDBA -password "$PASSWORD" -info_server_version >/dev/null 2>&1
}

if [ "${1:-}" = "--stop" ]; then
    stop_server
    exit 0
fi

if ping_server; then
    log "already running on 127.0.0.1:$PORT"
    echo "$URL"
    exit 0
fi
if pid="$(server_pid)"; then
    log "a server (pid $pid) runs from $BASE but does not answer on 127.0.0.1:$PORT with the"
    log "expected SYSDBA password; stop it ($0 --stop) or remove $BASE, then run again"
    exit 1
fi

mkdir -p "$ROOT" "$LOCK" "$TMPDIR_FB" "$DATA"
chmod 700 "$BASE"
# The engine reads its message file and plugins.conf from its root directory, and loads the
# character sets module (WIN1252, ISO8859_1, ...) from $(root)/intl. That module must be a real
# file, not a symlink: the engine registers it under its resolved path and would then not find
# it again under $(root)/intl ("CHARACTER SET ... is not installed").
for entry in firebird.msg plugins.conf; do
    ln -sfn "$SYSTEM_ROOT/$entry" "$ROOT/$entry"
done
[ -L "$ROOT/intl" ] && rm -f "$ROOT/intl"
mkdir -p "$ROOT/intl"
cmp -s "$SYSTEM_ROOT/intl/libfbintl.so" "$ROOT/intl/libfbintl.so" || cp "$SYSTEM_ROOT/intl/libfbintl.so" "$ROOT/intl/libfbintl.so"

cat >"$ROOT/firebird.conf" <<CONF
# Written by integration/start-firebird.sh; rewritten on every start.
RemoteBindAddress = 127.0.0.1
RemoteServicePort = $PORT
# Only databases under the data directory (plus the security database) may be opened or created.
DatabaseAccess = Restrict $DATA
ExternalFileAccess = None
UdfAccess = None
TempDirectories = $TMPDIR_FB
SecurityDatabase = $SECDB
AuthServer = Srp256, Srp
AuthClient = Srp256, Srp
UserManager = Srp
# Encrypt when the client can (libfbclient does); do not refuse clients that cannot.
WireCrypt = Enabled
ServerMode = Super
DefaultDbCachePages = 256
CONF

cat >"$ROOT/databases.conf" <<CONF
# Written by integration/start-firebird.sh.
security.db = $SECDB
{
	RemoteAccess = false
}
CONF

if [ ! -f "$SECDB" ]; then
    # No server runs yet, so isql works embedded (in-process engine, no password check for the
    # named user): create an empty security database, then let the Srp plugin add SYSDBA to it.
    log "initialising the security database $SECDB"
    rm -f "$SECDB"
    if ! { echo "CREATE DATABASE '$SECDB';" | isql-fb -q -user SYSDBA >&2 &&
           isql-fb -q -user SYSDBA "$SECDB" >&2 <<SQL
CREATE USER SYSDBA PASSWORD '$PASSWORD' USING PLUGIN Srp;
COMMIT;
SQL
    }; then
        rm -f "$SECDB"
        log "could not initialise the security database"
        exit 1
    fi
fi

log "starting on 127.0.0.1:$PORT"
nohup /usr/sbin/firebird >"$LOG" 2>&1 </dev/null &
echo $! >"$PIDFILE"

for _ in $(seq 1 60); do
    if ping_server; then break; fi
    if ! server_pid >/dev/null; then break; fi
    sleep 0.5
done
if ! ping_server; then
    log "server did not start; see $LOG"
    tail -n 30 "$LOG" >&2 || true
    exit 1
fi

log "ready"
echo "$URL"
