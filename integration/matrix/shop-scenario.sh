#!/usr/bin/env bash
# The end-to-end CLI scenario every engine version must pass, run by integration/matrix.sh:
# in a fresh database, `plan --exit-code` reports pending changes (2), `apply` of
# examples/shop.yaml succeeds, the tables and the view exist (read back with the engine's own
# client), a second `apply` and `plan --exit-code` report nothing to do (0), and the inspected
# schema applied to a second fresh database converges to the same file.
#
#   integration/matrix/shop-scenario.sh postgres|mariadb|sqlite SERVER_URL|SQLITE_FILE path/to/schemasync
#
# SERVER_URL is a server-level URL (a user allowed to create databases); the scenario creates
# two databases with unique names and drops them afterwards. Prints one line per check.
set -euo pipefail
cd "$(dirname "$0")/../.."

ENGINE="$1" SERVER="$2" BIN="$3"
SCHEMA="${SCHEMASYNC_SCENARIO_SCHEMA:-examples/shop.yaml}"
WORK="$(mktemp -d)"
A="ss_matrix_a_$$_$RANDOM" B="ss_matrix_b_$$_$RANDOM"
failures=0

redact() { sed -E 's#(//[^:/@]*:)[^@]*@#\1***@#g'; }
pass() { echo "  ✓ $1"; }
fail() { echo "  ✗ $1"; failures=$((failures + 1)); }
expect_exit() { # expected description command...
    local expected="$1" description="$2"; shift 2
    set +e; "$@" >"$WORK/out" 2>&1; local status=$?; set -e
    if [ "$status" -eq "$expected" ]; then pass "$description (exit $status)"; else
        fail "$description: expected exit $expected, got $status"; redact <"$WORK/out" | sed 's/^/      /' | tail -n 30; fi
}

case "$ENGINE" in
postgres)
    base="${SERVER%/*}"
    client() { psql "$SERVER" -qAt -v ON_ERROR_STOP=1 "$@"; }
    create_db() { client -c "CREATE DATABASE $1" >/dev/null; }
    drop_db() { client -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null 2>&1 || true; }
    db_url() { echo "$base/$1"; }
    relations() { psql "$base/$1" -qAtc "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'public'"; }
    ;;
mariadb)
    base="${SERVER%/*}"
    rest="${SERVER#*://}"; creds="${rest%%@*}"; hostpart="${rest#*@}"; hostpart="${hostpart%%/*}"
    DB_USER="${creds%%:*}" DB_PASS="${creds#*:}" DB_HOST="${hostpart%%:*}" DB_PORT="${hostpart#*:}"
    client() { MYSQL_PWD="$DB_PASS" mariadb --no-defaults --protocol=tcp -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" -N "$@"; }
    create_db() { client -e "CREATE DATABASE \`$1\`"; }
    drop_db() { client -e "DROP DATABASE IF EXISTS \`$1\`" >/dev/null 2>&1 || true; }
    db_url() { echo "$base/$1"; }
    relations() { client -e "SELECT GROUP_CONCAT(TABLE_NAME ORDER BY BINARY TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '$1'"; }
    ;;
sqlite)
    create_db() { : >"$WORK/$1.sqlite"; } # an empty database: plan never creates the file
    drop_db() { rm -f "$WORK/$1.sqlite"; }
    db_url() { echo "sqlite://$WORK/$1.sqlite"; }
    relations() { sqlite3 "$WORK/$1.sqlite" "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name)"; }
    ;;
*) echo "unknown engine: $ENGINE" >&2; exit 64 ;;
esac

cleanup() { drop_db "$A"; drop_db "$B"; rm -rf "$WORK"; }
trap cleanup EXIT
create_db "$A"
create_db "$B"
URL_A="$(db_url "$A")" URL_B="$(db_url "$B")"

expect_exit 2 "plan --exit-code on an empty database reports changes" "$BIN" plan --url "$URL_A" --schema "$SCHEMA" --exit-code
expect_exit 0 "apply $SCHEMA" "$BIN" apply --url "$URL_A" --schema "$SCHEMA"
got="$(relations "$A" 2>&1 || true)"
if [ "$got" = "order_items,order_totals,orders,products,users" ]; then pass "tables and view exist"; else fail "tables and view: got '$got'"; fi
expect_exit 0 "second apply changes nothing" "$BIN" apply --url "$URL_A" --schema "$SCHEMA"
expect_exit 0 "plan --exit-code after apply" "$BIN" plan --url "$URL_A" --schema "$SCHEMA" --exit-code
expect_exit 0 "inspect --format yaml" "$BIN" inspect --url "$URL_A" --format yaml
cp "$WORK/out" "$WORK/inspected.yaml"
expect_exit 0 "apply the inspected schema to a fresh database" "$BIN" apply --url "$URL_B" --schema "$WORK/inspected.yaml"
expect_exit 0 "that database matches $SCHEMA (plan --exit-code)" "$BIN" plan --url "$URL_B" --schema "$SCHEMA" --exit-code

[ "$failures" -eq 0 ]
