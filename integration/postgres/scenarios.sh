#!/usr/bin/env bash
# End-to-end CLI scenarios on PostgreSQL, following the seed workflow: dry run, review,
# apply, verify; a failing statement in the middle rolls everything back; two applies at the
# same moment both succeed and the database ends in sync.
#
#   export SCHEMASYNC_POSTGRES_URL="$(integration/start-postgres.sh)"
#   integration/postgres/scenarios.sh [path/to/schemasync]
#
# Each run creates a fresh database with a unique name and drops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."

: "${SCHEMASYNC_POSTGRES_URL:?set SCHEMASYNC_POSTGRES_URL (see integration/start-postgres.sh)}"
BIN="${1:-}"
if [ -z "$BIN" ]; then
    swift build --product schemasync 2>&1 | tail -n 1 >&2
    BIN="$(swift build --show-bin-path)/schemasync"
fi
command -v psql >/dev/null || { echo "psql is needed (apt-get install postgresql-client)"; exit 1; }

SERVER="$SCHEMASYNC_POSTGRES_URL"
DBNAME="schemasync_e2e_$$_$RANDOM"
BASE="${SERVER%/*}"
URL="$BASE/$DBNAME"
WORK="$(mktemp -d)"
failures=0

cleanup() {
    psql "$SERVER" -qAtc "DROP DATABASE IF EXISTS $DBNAME WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

sql() { psql "$URL" -qAtc "$1"; }
pass() { echo "  ✓ $1"; }
fail() { echo "  ✗ $1"; failures=$((failures + 1)); }
expect_exit() { # expected, description, command...
    local expected="$1" description="$2"; shift 2
    set +e; "$@" >"$WORK/out" 2>&1; local status=$?; set -e
    if [ "$status" -eq "$expected" ]; then pass "$description (exit $status)"; else
        fail "$description: expected exit $expected, got $status"; sed 's/^/      /' "$WORK/out"; fi
}

psql "$SERVER" -qAtc "CREATE DATABASE $DBNAME" >/dev/null
echo "PostgreSQL scenarios on database $DBNAME"

echo "1. dry run shows the plan and changes nothing"
expect_exit 2 "plan --exit-code reports pending changes" "$BIN" plan --url "$URL" --schema examples/shop.yaml --exit-code
expect_exit 0 "apply --dry-run" "$BIN" apply --url "$URL" --schema examples/shop.yaml --dry-run
[ "$(sql "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace")" = "0" ] \
    && pass "database still empty" || fail "dry run changed the database"

echo "2. apply, then verify"
expect_exit 0 "apply" "$BIN" apply --url "$URL" --schema examples/shop.yaml
tables="$(sql "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'public'")"
[ "$tables" = "order_items,order_totals,orders,products,users" ] && pass "tables and view exist" || fail "unexpected tables: $tables"
expect_exit 0 "second apply changes nothing" "$BIN" apply --url "$URL" --schema examples/shop.yaml
expect_exit 0 "plan --exit-code is 0" "$BIN" plan --url "$URL" --schema examples/shop.yaml --exit-code

echo "3. a failing statement in the middle rolls everything back"
sql "INSERT INTO users (email) VALUES ('a@example.com'); INSERT INTO orders (user_id, status) SELECT id, 'pending' FROM users"
python3 - "$WORK/broken.yaml" <<'PY'
import sys, re
text = open("examples/shop.yaml").read()
# orders.status becomes an integer (fails on 'pending'), and a new table comes first.
text = text.replace("{ name: status, type: varchar(20), nullable: false, default: pending }",
                    "{ name: status, type: integer, nullable: false, default: 0 }")
text = text.replace("tables:\n", "tables:\n  - name: aaa_audit\n    columns:\n      - { name: id, type: bigint }\n", 1)
open(sys.argv[1], "w").write(text)
PY
expect_exit 1 "apply fails on the type change" "$BIN" apply --url "$URL" --schema "$WORK/broken.yaml" --allow-destructive
[ -z "$(sql "SELECT to_regclass('public.aaa_audit')")" ] && pass "new table rolled back" || fail "aaa_audit persisted"
[ "$(sql "SELECT data_type FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'status'")" = "character varying" ] \
    && pass "column type unchanged" || fail "orders.status changed"
[ "$(sql "SELECT count(*) FROM orders")" = "1" ] && pass "rows intact" || fail "rows lost"
expect_exit 0 "still in sync with the original schema" "$BIN" plan --url "$URL" --schema examples/shop.yaml --exit-code

echo "4. two applies at the same moment"
sql "DROP VIEW order_totals; DROP TABLE order_items, orders, products, users"
set +e
"$BIN" apply --url "$URL" --schema examples/shop.yaml >"$WORK/a" 2>&1 & a=$!
"$BIN" apply --url "$URL" --schema examples/shop.yaml >"$WORK/b" 2>&1 & b=$!
wait $a; sa=$?; wait $b; sb=$?
set -e
[ "$sa" -eq 0 ] && [ "$sb" -eq 0 ] && pass "both exit 0" || { fail "exits $sa and $sb"; cat "$WORK/a" "$WORK/b"; }
expect_exit 0 "in sync afterwards" "$BIN" plan --url "$URL" --schema examples/shop.yaml --exit-code

echo "5. killing the process during apply leaves the database as before"
cp examples/shop.yaml "$WORK/grown.yaml"
python3 - "$WORK/grown.yaml" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
text = text.replace("tables:\n", "tables:\n  - name: aaa_new\n    columns:\n      - { name: id, type: bigint }\n", 1)
text = text.replace("      - { name: is_admin, type: boolean, nullable: false, default: false }\n",
                    "      - { name: is_admin, type: boolean, nullable: false, default: false }\n      - { name: nickname, type: text }\n")
open(path, "w").write(text)
PY
# Another session holds a lock on users, so the apply blocks inside its transaction.
psql "$URL" -qAtc "BEGIN; LOCK TABLE users IN ACCESS SHARE MODE; SELECT pg_sleep(4); COMMIT" >/dev/null 2>&1 & holder=$!
sleep 0.5
"$BIN" apply --url "$URL" --schema "$WORK/grown.yaml" --lock-timeout 30 >"$WORK/killed" 2>&1 & victim=$!
observed=no
for _ in $(seq 1 30); do
    if [ "$(sql "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'schemasync' AND wait_event_type = 'Lock'")" = "1" ]; then
        observed=yes; break
    fi
    sleep 0.1
done
[ "$observed" = yes ] && pass "apply was blocked inside its transaction when killed" || fail "apply was not seen waiting"
kill -9 "$victim" 2>/dev/null || true
wait "$victim" 2>/dev/null || true
wait "$holder" 2>/dev/null || true
sleep 0.5
[ -z "$(sql "SELECT to_regclass('public.aaa_new')")" ] && pass "table created before the kill is gone" || fail "aaa_new persisted"
[ "$(sql "SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'nickname'")" = "0" ] \
    && pass "column not added" || fail "users.nickname persisted"
expect_exit 0 "still in sync with the original schema" "$BIN" plan --url "$URL" --schema examples/shop.yaml --exit-code
expect_exit 0 "a re-run converges" "$BIN" apply --url "$URL" --schema "$WORK/grown.yaml"
expect_exit 0 "in sync with the grown schema" "$BIN" plan --url "$URL" --schema "$WORK/grown.yaml" --exit-code

echo "6. the password never appears"
PWURL="$(echo "$URL" | sed -E 's#//([^@/:]+)@#//\1:Hunter2-secret@#')"
set +e; "$BIN" plan --url "${PWURL%/*}/no_such_db" --schema examples/shop.yaml >"$WORK/pw" 2>&1; set -e
grep -q "Hunter2-secret" "$WORK/pw" && fail "password printed" || pass "password redacted"

if [ "$failures" -gt 0 ]; then echo "$failures scenario check(s) failed"; exit 1; fi
echo "All PostgreSQL scenarios passed."
