#!/usr/bin/env bash
# End-to-end: the `schemasync` CLI against a real MariaDB, as a new user would run it.
#
#   export SCHEMASYNC_MARIADB_URL="$(integration/start-mariadb.sh)" && integration/mariadb/scenario.sh
#
# Creates two throwaway databases, applies examples/shop.yaml, checks that a second run changes
# nothing (`plan --exit-code` exits 0), copies the inspected schema to the second database,
# and checks that a wrong password fails with exit code 6 without printing the password.
set -euo pipefail
cd "$(dirname "$0")/../.."

: "${SCHEMASYNC_MARIADB_URL:?set it, e.g. export SCHEMASYNC_MARIADB_URL=\"\$(integration/start-mariadb.sh)\"}"
SCRATCH="${SCHEMASYNC_SCRATCH_PATH:-.build}"
swift build --scratch-path "$SCRATCH" --product schemasync >/dev/null
BIN="$(swift build --scratch-path "$SCRATCH" --show-bin-path)/schemasync"

# mariadb://user:password@host:port/db → parts for the mariadb client.
rest="${SCHEMASYNC_MARIADB_URL#*://}"
creds="${rest%%@*}"; hostpart="${rest#*@}"; hostpart="${hostpart%%/*}"
DB_USER="${creds%%:*}"; DB_PASS="${creds#*:}"
DB_HOST="${hostpart%%:*}"; DB_PORT="${hostpart#*:}"
base="${SCHEMASYNC_MARIADB_URL%/*}"
client() { MYSQL_PWD="$DB_PASS" mariadb --no-defaults -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" "$@"; }

suffix="$$"
A="ss_e2e_a_$suffix"; B="ss_e2e_b_$suffix"
cleanup() { client -e "DROP DATABASE IF EXISTS \`$A\`; DROP DATABASE IF EXISTS \`$B\`" || true; rm -f "/tmp/$A.yaml"; }
trap cleanup EXIT
client -e "CREATE DATABASE \`$A\`; CREATE DATABASE \`$B\`"

fail() { echo "FAIL: $*" >&2; exit 1; }
expect() { # expect CODE command...
    local want="$1"; shift
    set +e; "$@" >/tmp/ss_e2e_out 2>&1; local got=$?; set -e
    [ "$got" -eq "$want" ] || { cat /tmp/ss_e2e_out >&2; fail "'$(echo "$*" | sed -E 's#(//[^:/@]*:)[^@]*@#\1***@#g')' exited $got, expected $want"; }
}

expect 2 "$BIN" plan --url "$base/$A" --schema examples/shop.yaml --exit-code
expect 0 "$BIN" apply --url "$base/$A" --schema examples/shop.yaml
expect 0 "$BIN" plan --url "$base/$A" --schema examples/shop.yaml --exit-code
[ "$(client -N -e "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '$A'")" = 5 ] || fail "expected 5 tables and views"

"$BIN" inspect --url "$base/$A" --format yaml >"/tmp/$A.yaml"
expect 0 "$BIN" apply --url "$base/$B" --schema "/tmp/$A.yaml"
expect 0 "$BIN" plan --url "$base/$B" --schema examples/shop.yaml --exit-code

wrong="${SCHEMASYNC_MARIADB_URL/:$DB_PASS@/:WrongPw123@}"
expect 6 "$BIN" plan --url "${wrong%/*}/$A" --schema examples/shop.yaml
if grep -q "WrongPw123" /tmp/ss_e2e_out; then fail "the password appeared in the output"; fi
echo "mariadb scenario: ok"
