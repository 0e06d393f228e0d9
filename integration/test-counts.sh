# Counting helpers shared by integration/test.sh, integration/matrix.sh and .ci/run (sourced).
# Every runner ends with one machine-readable line `<word>: N passed, N failed`; these
# functions read test logs and such lines back. Unit-tested with fake logs by
# integration/test-counts-selftest.sh.
# shellcheck shell=bash

# xctest_counts LOG → "PASSED FAILED SKIPPED" for one `swift test` log.
# Counts XCTest's per-case lines (`Test Case '...' passed|failed|skipped`), not the
# "Executed N tests" lines, which repeat per class, per bundle and for "All tests". A case
# that started and never finished (the process crashed) counts as failed. Swift Testing
# tests are counted from its "Test run with N tests ... passed|failed" summary and its
# `✘ Test ... failed` lines (at least one failure when the run failed).
xctest_counts() {
    local log="$1" started passed failed skipped crashed
    started="$(grep -cE "^Test Case '.*' started" "$log" || true)"
    passed="$(grep -cE "^Test Case '.*' passed" "$log" || true)"
    failed="$(grep -cE "^Test Case '.*' failed" "$log" || true)"
    skipped="$(grep -cE "^Test Case '.*' skipped" "$log" || true)"
    crashed=$((started - passed - failed - skipped))
    [ "$crashed" -le 0 ] || failed=$((failed + crashed))
    local run total st_failed
    run="$(grep -E "Test run with [0-9]+ tests? in [0-9]+ suites? (passed|failed)" "$log" | tail -n 1 || true)"
    if [ -n "$run" ]; then
        total="$(echo "$run" | sed -E 's/.*Test run with ([0-9]+) tests?.*/\1/')"
        if echo "$run" | grep -qE " suites? passed"; then
            passed=$((passed + total))
        else
            st_failed="$(grep -E "^✘ Test .* failed" "$log" | grep -vc "Test run with " || true)"
            [ "$st_failed" -ge 1 ] || st_failed=1
            [ "$st_failed" -le "$total" ] || st_failed="$total"
            passed=$((passed + total - st_failed))
            failed=$((failed + st_failed))
        fi
    fi
    echo "$passed $failed $skipped"
}

# total_counts LOG WORD → "PASSED FAILED" from the last `WORD: N passed, N failed` line of LOG,
# or nothing when LOG holds no such line.
total_counts() {
    local log="$1" word="$2" line
    line="$(grep -E "^$word: [0-9]+ passed, [0-9]+ failed\$" "$log" 2>/dev/null | tail -n 1 || true)"
    [ -n "$line" ] || return 0
    echo "$line" | sed -E "s/^$word: ([0-9]+) passed, ([0-9]+) failed\$/\1 \2/"
}

# runner_counts LOG WORD STATUS → "PASSED FAILED" for a runner that exited with STATUS: its
# own total line, where a non-zero exit counts at least one failure and a missing total line
# (the runner died before counting) counts as one failure.
runner_counts() {
    local log="$1" word="$2" status="$3" counts passed failed
    counts="$(total_counts "$log" "$word")"
    if [ -z "$counts" ]; then
        echo "0 1"
        return
    fi
    read -r passed failed <<<"$counts"
    if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
    echo "$passed $failed"
}
