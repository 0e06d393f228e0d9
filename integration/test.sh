#!/usr/bin/env bash
# The whole test suite: installs packages, starts PostgreSQL, MariaDB and Firebird natively on
# 127.0.0.1 (unless SCHEMASYNC_POSTGRES_URL / SCHEMASYNC_MARIADB_URL / SCHEMASYNC_FIREBIRD_URL
# point at your own servers), builds, and runs every test, the Firebird package's included. Server tests fail (not skip) when CI is set (to
# anything but empty, 0 or false) and a server is missing.
# The last line is always `tests: N passed, N failed`: every XCTest (and Swift Testing) case
# plus every CLI scenario script; a step that fails before it can count (setup, build) counts
# as one failure. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
source integration/test-counts.sh

xctest_passed=0 xctest_failed=0
scenarios_passed=0 scenarios_failed=0
print_total() {
    local status=$? failed
    failed=$((xctest_failed + scenarios_failed))
    if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
    echo "tests: $((xctest_passed + scenarios_passed)) passed, $failed failed"
    exit "$status"
}
trap print_total EXIT

bash integration/setup.sh --servers

if [ -z "${SCHEMASYNC_POSTGRES_URL:-}" ] && [ -f integration/start-postgres.sh ]; then
    SCHEMASYNC_POSTGRES_URL="$(bash integration/start-postgres.sh | tail -n 1)"
    export SCHEMASYNC_POSTGRES_URL
fi
if [ -z "${SCHEMASYNC_MARIADB_URL:-}" ] && [ -f integration/start-mariadb.sh ]; then
    SCHEMASYNC_MARIADB_URL="$(bash integration/start-mariadb.sh | tail -n 1)"
    export SCHEMASYNC_MARIADB_URL
fi
echo "PostgreSQL: ${SCHEMASYNC_POSTGRES_URL:-not configured}" | sed -E 's#(//[^:/@]*:)[^@]*@#\1***@#'
echo "MariaDB:    ${SCHEMASYNC_MARIADB_URL:-not configured}" | sed -E 's#(//[^:/@]*:)[^@]*@#\1***@#'

swift build --build-tests 2>&1 | tail -n 3
test_log="$(mktemp "${TMPDIR:-/tmp}/schemasync-test.XXXXXX")"
set +e
swift test --skip-build 2>&1 | tee "$test_log" | grep -vE "^Test (Case|Suite) .*(started|passed)"
status=${PIPESTATUS[0]}
read -r xctest_passed xctest_failed xctest_skipped <<<"$(xctest_counts "$test_log")"
set -e
if grep -qE "with [1-9][0-9]* failures?|error: " "$test_log" && [ "$status" -eq 0 ]; then status=1; fi
if [ "$status" -ne 0 ] && [ "$xctest_failed" -eq 0 ]; then xctest_failed=1; fi
echo "xctest: $xctest_passed passed, $xctest_failed failed ($xctest_skipped skipped, not counted as passed; log: $test_log)"

# End-to-end CLI scenarios against the real servers.
run_scenario() {
    echo "== scenario: $*"
    if "$@"; then scenarios_passed=$((scenarios_passed + 1)); else scenarios_failed=$((scenarios_failed + 1)); fi
}
if [ -n "${SCHEMASYNC_POSTGRES_URL:-}" ]; then run_scenario bash integration/postgres/scenarios.sh; fi
if [ -n "${SCHEMASYNC_MARIADB_URL:-}" ]; then run_scenario bash integration/mariadb/scenario.sh; fi
echo "scenarios: $scenarios_passed passed, $scenarios_failed failed"
if [ "$scenarios_failed" -gt 0 ] && [ "$status" -eq 0 ]; then status=1; fi

# The Firebird connector: a separate package built only on the public products, with its own
# server (started here like the others) and its own tests, counted with the rest.
if [ -f Packages/Firebird/Package.swift ]; then
    set +e
    if [ -z "${SCHEMASYNC_FIREBIRD_URL:-}" ] && [ -f integration/start-firebird.sh ]; then
        SCHEMASYNC_FIREBIRD_URL="$(bash integration/start-firebird.sh | tail -n 1)"
        export SCHEMASYNC_FIREBIRD_URL
    fi
    echo "Firebird:   ${SCHEMASYNC_FIREBIRD_URL:-not configured}" | sed -E 's#(//[^:/@]*:)[^@]*@#\1***@#'
    firebird_log="$(mktemp "${TMPDIR:-/tmp}/schemasync-firebird-test.XXXXXX")"
    (cd Packages/Firebird && swift build --build-tests 2>&1 | tail -n 3 && swift test --skip-build 2>&1) \
        | tee "$firebird_log" | grep -vE "^Test (Case|Suite) .*(started|passed)"
    firebird_status=${PIPESTATUS[0]}
    read -r fb_passed fb_failed fb_skipped <<<"$(xctest_counts "$firebird_log")"
    if grep -qE "with [1-9][0-9]* failures?|error: " "$firebird_log" && [ "$firebird_status" -eq 0 ]; then firebird_status=1; fi
    if [ "$firebird_status" -ne 0 ] && [ "$fb_failed" -eq 0 ]; then fb_failed=1; fi
    echo "firebird: $fb_passed passed, $fb_failed failed ($fb_skipped skipped; log: $firebird_log)"
    xctest_passed=$((xctest_passed + fb_passed))
    xctest_failed=$((xctest_failed + fb_failed))
    if [ "$firebird_status" -ne 0 ] && [ "$status" -eq 0 ]; then status=1; fi
    set -e
fi
exit "$status"
