#!/usr/bin/env bash
# The integration matrix: every connector test suite and the end-to-end CLI scenarios against
# every supported engine version, each server in its own Docker container.
#
#   integration/matrix.sh [--only ID,ID...] [--no-sqlite] [--static-cli] [--keep]
#
# IDs: postgres-15 postgres-17 mariadb-10.11 mariadb-11.8 sqlite-3.40 sqlite-3.46.
# What it does, on a fresh machine (as root on Debian/Ubuntu):
#   1. installs docker.io and debootstrap if missing; starts `dockerd --bridge=none
#      --iptables=false` if no Docker daemon answers (and stops it again at the end);
#   2. builds the Debian bases (docker/make-base.sh, debootstrap + docker import, nothing is
#      pulled) and the images from docker/*.Dockerfile, skipping what is already built;
#   3. starts one container per version (host network, 127.0.0.1 only, fixed ports) and waits
#      until each is healthy;
#   4. `swift build --build-tests` once, then per version `swift test --skip-build --filter
#      <the connector's tests>` and the CLI scenarios (integration/matrix/shop-scenario.sh, plus
#      integration/postgres/scenarios.sh and integration/mariadb/scenario.sh when present);
#      SQLite has no server: the CLI runs inside a bookworm (SQLite 3.40) and a trixie (3.46)
#      container and loads that system's libsqlite3; by default the debug build with this
#      host's Swift runtime mounted read-only, with --static-cli a
#      `swift build -c release --static-swift-stdlib --product schemasync` build;
#   5. prints a table version × (tests, conformance, scenarios) and removes every container it
#      started; the last line is `matrix-tests: N passed, N failed` (test cases and scenarios of
#      every version, summed by .ci/run). Exits non-zero when anything failed or an engine could not start.
#
# Already-running servers: set SCHEMASYNC_MATRIX_POSTGRES_15_URL, ..._POSTGRES_17_URL,
# ..._MARIADB_10_11_URL or ..._MARIADB_11_8_URL (a user that may create databases) and that
# version uses your server instead of a container.
# Environment: SCHEMASYNC_SCRATCH_PATH (swift build directory, default .build),
# SCHEMASYNC_MATRIX_LOGS (default $SCHEMASYNC_SCRATCH_PATH/matrix-logs), DOCKER (default docker).
set -uo pipefail
cd "$(dirname "$0")/.."
source integration/matrix/lib.sh

ONLY="" WITH_SQLITE=1 KEEP=0 STATIC_CLI=0
while [ $# -gt 0 ]; do
    case "$1" in
    --only) ONLY="${2:?--only needs a list}"; shift 2 ;;
    --only=*) ONLY="${1#--only=}"; shift ;;
    --no-sqlite) WITH_SQLITE=0; shift ;;
    --static-cli) STATIC_CLI=1; shift ;;
    --keep) KEEP=1; shift ;;
    -h | --help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 64 ;;
    esac
done

SCRATCH="${SCHEMASYNC_SCRATCH_PATH:-.build}"
LOGS="${SCHEMASYNC_MATRIX_LOGS:-$SCRATCH/matrix-logs}"
mkdir -p "$LOGS"
LOGS="$(cd "$LOGS" && pwd)"
export CI=true # a server test that cannot reach its server fails instead of skipping

select_versions
trap matrix_cleanup EXIT
trap 'exit 130' INT TERM

matrix_start="$(date +%s)"
if needs_docker; then
    phase "Docker engine"
    ensure_docker || die "the Docker engine could not start (see above); no version was tested"
    phase "Images"
    build_images || die "building the images failed (see above)"
    phase "Servers"
    start_containers
fi

phase "Build (swift build --build-tests)"
if ! swift build --scratch-path "$SCRATCH" --build-tests >"$LOGS/build.log" 2>&1; then
    grep -E "error:" "$LOGS/build.log" | head -n 20 >&2
    die "swift build --build-tests failed (log: $LOGS/build.log)"
fi
BIN="$(swift build --scratch-path "$SCRATCH" --show-bin-path)/schemasync"
echo "built $BIN"
ensure_clients
if [ "$STATIC_CLI" -eq 1 ]; then
    phase "Build (static CLI for the SQLite containers)"
    if ! swift build --scratch-path "$SCRATCH" -c release --static-swift-stdlib --product schemasync >"$LOGS/build-static.log" 2>&1; then
        grep -E "error:" "$LOGS/build-static.log" | head -n 20 >&2
        die "the static CLI build failed (log: $LOGS/build-static.log)"
    fi
    SCHEMASYNC_MATRIX_SQLITE_BIN="$(swift build --scratch-path "$SCRATCH" -c release --show-bin-path)/schemasync"
    echo "built $SCHEMASYNC_MATRIX_SQLITE_BIN"
fi

for id in "${SELECTED[@]}"; do
    run_version "$id"
done

print_table
echo "total: $(($(date +%s) - matrix_start))s; logs in $LOGS"
if [ "$MATRIX_FAILED" -eq 0 ]; then
    echo "matrix: every version passed"
else
    echo "matrix: FAILED (see the ✗ lines above and the logs)"
    exit 1
fi
