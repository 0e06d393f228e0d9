#!/usr/bin/env bash
# Self-test of the CI counting (integration/test-counts.sh, the matrix's per-version counters
# and .ci/run's sum) with fake logs and fake runners: no Docker, no database, no build.
# Run by CLITests.testCICountingScripts; prints `counting: N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
source integration/test-counts.sh
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
ok=0 bad=0
check() { # description, expected, actual
    if [ "$2" = "$3" ]; then ok=$((ok + 1)); else bad=$((bad + 1)); echo "✗ $1: expected '$2', got '$3'"; fi
}

# 1. XCTest cases are counted once each; the repeated "Executed" lines are ignored; a case that
#    started and never ended (crash) is a failure; Swift Testing's empty run adds nothing.
cat >"$WORK/xctest.log" <<'EOF'
Test Suite 'All tests' started at 2026-12-02 00:35:50.262
Test Suite 'SchemaSyncPackageTests.xctest' started at 2026-12-02 00:35:50.262
Test Suite 'CLITests' started at 2026-12-02 00:35:50.284
Test Case 'CLITests.testA' started at 2026-12-02 00:35:50.284
Test Case 'CLITests.testA' passed (0.137 seconds)
Test Case 'CLITests.testB' started at 2026-12-02 00:35:50.284
/x/CLITests.swift:10: error: CLITests.testB : XCTAssertEqual failed: ("1") is not equal to ("2")
Test Case 'CLITests.testB' failed (0.1 seconds)
Test Case 'CLITests.testC' started at 2026-12-02 00:35:50.284
Test Case 'CLITests.testC' skipped (0.0 seconds)
Test Suite 'CLITests' failed at 2026-12-02 00:35:50.421
	 Executed 3 tests, with 1 test skipped and 1 failure (0 unexpected) in 0.137 (0.137) seconds
Test Suite 'SchemaSyncPackageTests.xctest' failed at 2026-12-02 00:35:50.421
	 Executed 3 tests, with 1 test skipped and 1 failure (0 unexpected) in 0.137 (0.137) seconds
Test Suite 'All tests' failed at 2026-12-02 00:35:50.421
	 Executed 3 tests, with 1 test skipped and 1 failure (0 unexpected) in 0.137 (0.137) seconds
Test Case 'OtherTests.testCrash' started at 2026-12-02 00:35:50.284
◇ Test run started.
✔ Test run with 0 tests in 0 suites passed after 0.001 seconds.
EOF
check "xctest counts" "1 2 1" "$(xctest_counts "$WORK/xctest.log")"
printf '%s\n' "✘ Test example() failed after 0.001 seconds with 1 issue." \
    "✔ Test other() passed after 0.001 seconds." \
    "✘ Test run with 3 tests in 1 suite failed after 0.002 seconds with 1 issue." >"$WORK/st.log"
check "swift testing counts" "2 1 0" "$(xctest_counts "$WORK/st.log")"
printf '%s\n' "✔ Test run with 4 tests in 2 suites passed after 0.001 seconds." >"$WORK/st2.log"
check "swift testing passed" "4 0 0" "$(xctest_counts "$WORK/st2.log")"

# 2. Runner totals: the last `WORD: N passed, N failed` line; a non-zero exit is at least one
#    failure; no total line is one failure.
printf '%s\n' "scenarios: 2 passed, 0 failed" "tests: 140 passed, 0 failed" >"$WORK/t.log"
check "runner total" "140 0" "$(runner_counts "$WORK/t.log" tests 0)"
check "runner non-zero exit" "140 1" "$(runner_counts "$WORK/t.log" tests 1)"
check "runner without total" "0 1" "$(runner_counts "$WORK/t.log" matrix-tests 0)"

# 3. The matrix's own counters (integration/matrix/lib.sh run_version) over a fake swift and
#    fake scenarios: 3 cases passed + 1 failed, 2 scenarios passed + 1 failed, one version
#    that did not start.
mkdir -p "$WORK/bin"
cat >"$WORK/bin/swift" <<'EOF'
#!/usr/bin/env bash
cat <<'LOG'
Test Case 'PG.testA' started at x
Test Case 'PG.testA' passed (0.1 seconds)
Test Case 'PG.testB' started at x
Test Case 'PG.testB' passed (0.1 seconds)
Test Case 'PG.testC' started at x
Test Case 'PG.testC' passed (0.1 seconds)
Test Case 'PG.testD' started at x
Test Case 'PG.testD' failed (0.1 seconds)
	 Executed 4 tests, with 1 failure (0 unexpected) in 0.4 (0.4) seconds
	 Executed 4 tests, with 1 failure (0 unexpected) in 0.4 (0.4) seconds
LOG
exit 1
EOF
chmod +x "$WORK/bin/swift"
matrix_out="$(
    PATH="$WORK/bin:$PATH"
    ONLY="" WITH_SQLITE=1 KEEP=0 STATIC_CLI=0 SCRATCH="$WORK" LOGS="$WORK" BIN=/bin/false matrix_start=0
    DOCKER=false
    source integration/matrix/lib.sh
    run_scenario() { if [ "$2" = shop ]; then SC_PASS=$((SC_PASS + 1)); else SC_FAIL=$((SC_FAIL + 1)); fi; }
    SELECTED=(postgres-15 mariadb-10.11)
    URL[postgres-15]=postgres://x@127.0.0.1:1/x
    START_FAIL[mariadb-10.11]="server not healthy after 120s"
    run_version postgres-15 >/dev/null
    run_version mariadb-10.11 >/dev/null
    print_count 1
)"
check "matrix counters" "matrix-tests: 4 passed, 3 failed" "$(echo "$matrix_out" | tail -n 1)"
check "matrix failure without counted failures" "matrix-tests: 0 passed, 1 failed" \
    "$(KEEP=0; source integration/matrix/lib.sh; print_count 1)"

# 4. .ci/run with fake runners: the sum is the last line, and the exit status follows it.
fake_ci() { # test.sh body, matrix.sh body → prints "<last line> exit=<status>"
    local dir="$WORK/ci-$RANDOM"
    mkdir -p "$dir/.ci" "$dir/integration"
    cp "$ROOT/.ci/run" "$dir/.ci/run"
    cp "$ROOT/integration/test-counts.sh" "$dir/integration/"
    printf '%s\n' "$1" >"$dir/integration/test.sh"
    printf '%s\n' "$2" >"$dir/integration/matrix.sh"
    local out status
    out="$(bash "$dir/.ci/run" 2>/dev/null)"
    status=$?
    echo "$(echo "$out" | tail -n 1) exit=$status"
}
check "ci sums" "145 passed, 0 failed exit=0" \
    "$(fake_ci 'echo "tests: 140 passed, 0 failed"' 'echo "matrix-tests: 5 passed, 0 failed"; echo "removed 4 container(s)" >&2')"
check "ci failure" "145 passed, 2 failed exit=1" \
    "$(fake_ci 'echo "tests: 140 passed, 2 failed"; exit 1' 'echo "matrix-tests: 5 passed, 0 failed"')"
check "ci runner died" "140 passed, 1 failed exit=1" \
    "$(fake_ci 'echo "tests: 140 passed, 0 failed"' 'echo "building the images failed"; exit 1')"
check "ci non-zero exit with a green count" "145 passed, 1 failed exit=1" \
    "$(fake_ci 'echo "tests: 140 passed, 0 failed"; exit 3' 'echo "matrix-tests: 5 passed, 0 failed"')"

echo "counting: $ok passed, $bad failed"
[ "$bad" -eq 0 ]
