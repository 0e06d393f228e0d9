# Functions of integration/matrix.sh (sourced; not run on its own).
# shellcheck shell=bash

DOCKER="${DOCKER:-docker}"

# The matrix. One entry per version: engine, Debian suite, image, Dockerfile, port.
ALL_IDS=(postgres-15 postgres-17 mariadb-10.11 mariadb-11.8 sqlite-3.40 sqlite-3.46)
declare -A ENGINE=([postgres-15]=postgres [postgres-17]=postgres [mariadb-10.11]=mariadb
    [mariadb-11.8]=mariadb [sqlite-3.40]=sqlite [sqlite-3.46]=sqlite)
declare -A SUITE=([postgres-15]=bookworm [postgres-17]=trixie [mariadb-10.11]=bookworm
    [mariadb-11.8]=trixie [sqlite-3.40]=bookworm [sqlite-3.46]=trixie)
declare -A IMAGE=([postgres-15]=schemasync/postgres:15 [postgres-17]=schemasync/postgres:17
    [mariadb-10.11]=schemasync/mariadb:10.11 [mariadb-11.8]=schemasync/mariadb:11.8
    [sqlite-3.40]=schemasync/sqlite:bookworm [sqlite-3.46]=schemasync/sqlite:trixie)
declare -A DOCKERFILE=([postgres-15]=postgres-15.Dockerfile [postgres-17]=postgres-17.Dockerfile
    [mariadb-10.11]=mariadb-10.11.Dockerfile [mariadb-11.8]=mariadb-11.8.Dockerfile
    [sqlite-3.40]=sqlite.Dockerfile [sqlite-3.46]=sqlite.Dockerfile)
declare -A PORT=([postgres-15]=55415 [postgres-17]=55417 [mariadb-10.11]=33111 [mariadb-11.8]=33118)

SELECTED=()         # ids to run
declare -A URL=()   # id → server URL (container or given)
declare -A GIVEN=() # id → 1 when the URL came from the environment
declare -A START_FAIL=()
declare -A ROW=()   # id → table row
STARTED=()          # containers this run started
DOCKERD_PID=""
MATRIX_FAILED=0
COUNT_PASSED=0 # every test case and scenario of every version, for the `matrix-tests:` line
COUNT_FAILED=0
APT_UPDATED=0

log() { echo "matrix: $*" >&2; }
die() { log "error: $*"; MATRIX_FAILED=1; [ ${#ROW[@]} -eq 0 ] || print_table; exit 1; }
redact() { sed -E 's#(//[^:/@]*:)[^@]*@#\1***@#g'; }
phase() { echo; echo "== $1 ($(($(date +%s) - matrix_start))s)"; }

# The environment variable that points a version at an already-running server.
url_variable() { local v="${1^^}"; echo "SCHEMASYNC_MATRIX_${v//[^A-Z0-9]/_}_URL"; }

default_url() {
    case "${ENGINE[$1]}" in
    postgres) echo "postgres://postgres@127.0.0.1:${PORT[$1]}/postgres" ;;
    mariadb) echo "mariadb://schemasync:secret@127.0.0.1:${PORT[$1]}/mysql" ;;
    esac
}

select_versions() {
    local id wanted
    for id in "${ALL_IDS[@]}"; do
        if [ -n "$ONLY" ]; then
            wanted=0
            case ",$ONLY," in *",$id,"*) wanted=1 ;; esac
            [ "$wanted" -eq 1 ] || continue
        elif [ "${ENGINE[$id]}" = sqlite ] && [ "$WITH_SQLITE" -eq 0 ]; then
            continue
        fi
        SELECTED+=("$id")
        [ "${ENGINE[$id]}" = sqlite ] && continue
        local var
        var="$(url_variable "$id")"
        if [ -n "${!var:-}" ]; then
            URL[$id]="${!var}"
            GIVEN[$id]=1
        else
            URL[$id]="$(default_url "$id")"
        fi
    done
    [ ${#SELECTED[@]} -gt 0 ] || die "no version selected (known: ${ALL_IDS[*]})"
    echo "versions: ${SELECTED[*]}"
}

# Ids that need a container (every selected version without a given URL; SQLite always).
containerized() {
    local id
    for id in "${SELECTED[@]}"; do
        [ -n "${GIVEN[$id]:-}" ] || echo "$id"
    done
}
needs_docker() { [ -n "$(containerized)" ]; }

apt_install() {
    [ "$(id -u)" -eq 0 ] || { log "need root to install: $*"; return 1; }
    export DEBIAN_FRONTEND=noninteractive
    if [ "$APT_UPDATED" -eq 0 ]; then apt-get update -qq || return 1; APT_UPDATED=1; fi
    echo "installing $*"
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

docker_answers() { "$DOCKER" info >/dev/null 2>&1; }

# Uses the running Docker daemon, or installs docker.io and starts dockerd without any
# bridge or iptables rule (containers use the host's network, bound to 127.0.0.1).
ensure_docker() {
    if command -v "$DOCKER" >/dev/null && docker_answers; then
        echo "using the running Docker daemon ($("$DOCKER" version -f '{{.Server.Version}}' 2>/dev/null))"
        return 0
    fi
    if ! command -v dockerd >/dev/null; then apt_install docker.io || return 1; fi
    command -v "$DOCKER" >/dev/null || DOCKER=/usr/bin/docker
    [ "$(id -u)" -eq 0 ] || { log "no Docker daemon answers and starting one needs root"; return 1; }
    echo "starting dockerd --bridge=none --iptables=false (log: $LOGS/dockerd.log)"
    dockerd --bridge=none --iptables=false --ip-forward=false >"$LOGS/dockerd.log" 2>&1 &
    DOCKERD_PID=$!
    local i
    for i in $(seq 1 60); do
        docker_answers && { echo "dockerd ready after ${i}s"; return 0; }
        kill -0 "$DOCKERD_PID" 2>/dev/null || break
        sleep 1
    done
    tail -n 20 "$LOGS/dockerd.log" >&2
    kill -0 "$DOCKERD_PID" 2>/dev/null && log "dockerd did not answer within 60s" || log "dockerd exited"
    return 1
}

# A digest of everything an image is built from; an image carrying the same digest is reused.
image_inputs() {
    local id="$1" base
    base="$("$DOCKER" image inspect -f '{{.Id}}' "schemasync/debian:${SUITE[$id]}" 2>/dev/null)"
    {
        echo "$base"
        cat "docker/${DOCKERFILE[$id]}"
        [ -d "docker/${ENGINE[$id]}" ] && cat "docker/${ENGINE[$id]}"/*
    } | sha256sum | cut -c1-16
}

build_images() {
    local ids id suites=() inputs have
    mapfile -t ids < <(containerized)
    for id in "${ids[@]}"; do
        case " ${suites[*]} " in *" ${SUITE[$id]} "*) ;; *) suites+=("${SUITE[$id]}") ;; esac
    done
    local suite missing=0
    for suite in "${suites[@]}"; do
        "$DOCKER" image inspect "schemasync/debian:$suite" >/dev/null 2>&1 || missing=1
    done
    if [ "$missing" -eq 1 ] && ! command -v debootstrap >/dev/null; then apt_install debootstrap || return 1; fi
    DOCKER="$DOCKER" bash docker/make-base.sh "${suites[@]}" || return 1
    for id in "${ids[@]}"; do
        inputs="$(image_inputs "$id")"
        have="$("$DOCKER" image inspect -f '{{index .Config.Labels "schemasync.inputs"}}' "${IMAGE[$id]}" 2>/dev/null || true)"
        if [ "$have" = "$inputs" ]; then
            echo "${IMAGE[$id]}: up to date"
            continue
        fi
        local started
        started="$(date +%s)"
        if ! DOCKER_BUILDKIT=0 "$DOCKER" build --network host -q \
            --build-arg "BASE_IMAGE=schemasync/debian:${SUITE[$id]}" --label "schemasync.inputs=$inputs" \
            -t "${IMAGE[$id]}" -f "docker/${DOCKERFILE[$id]}" docker >"$LOGS/image-$id.log" 2>&1; then
            tail -n 20 "$LOGS/image-$id.log" >&2
            log "building ${IMAGE[$id]} failed (log: $LOGS/image-$id.log)"
            return 1
        fi
        echo "${IMAGE[$id]}: built in $(($(date +%s) - started))s"
    done
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_containers() {
    local id name ids=()
    for id in $(containerized); do
        [ "${ENGINE[$id]}" = sqlite ] && continue # run per scenario, not as a server
        name="schemasync-matrix-$id"
        # A container of that name can only be left over from an interrupted run of this script.
        "$DOCKER" rm -f "$name" >/dev/null 2>&1 || true
        if port_in_use "${PORT[$id]}"; then
            START_FAIL[$id]="port ${PORT[$id]} on 127.0.0.1 is already in use (stop that server, or set $(url_variable "$id") to use it)"
            log "$id: ${START_FAIL[$id]}"
            continue
        fi
        local env_port=PGPORT
        [ "${ENGINE[$id]}" = mariadb ] && env_port=MARIADB_PORT
        if "$DOCKER" run -d --name "$name" --label schemasync.matrix=1 --network host \
            --tmpfs /var/lib/schemasync:mode=1777 -e "$env_port=${PORT[$id]}" "${IMAGE[$id]}" >/dev/null 2>"$LOGS/$id-server.log"; then
            STARTED+=("$name")
            ids+=("$id")
        else
            START_FAIL[$id]="docker run failed: $(tail -n 1 "$LOGS/$id-server.log")"
            log "$id: ${START_FAIL[$id]}"
        fi
    done
    for id in "${SELECTED[@]}"; do
        [ -n "${GIVEN[$id]:-}" ] && echo "$id: using $(echo "${URL[$id]}" | redact)"
    done
    local deadline=$(($(date +%s) + 120)) state pending unhealthy=()
    while :; do
        pending=()
        for id in "${ids[@]}"; do
            name="schemasync-matrix-$id"
            state="$("$DOCKER" inspect -f '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}}' "$name" 2>/dev/null)"
            case "$state" in
            "running healthy") echo "$id: healthy on 127.0.0.1:${PORT[$id]}" ;;
            "running unhealthy" | exited* | dead* | "")
                START_FAIL[$id]="server did not become healthy ($state)"; unhealthy+=("$id") ;;
            *) pending+=("$id") ;;
            esac
        done
        ids=("${pending[@]}")
        [ ${#ids[@]} -gt 0 ] || break
        if [ "$(date +%s)" -ge "$deadline" ]; then
            for id in "${ids[@]}"; do START_FAIL[$id]="server not healthy after 120s"; unhealthy+=("$id"); done
            break
        fi
        sleep 1
    done
    for id in "${unhealthy[@]}"; do
        log "$id: ${START_FAIL[$id]}; the server's last words:"
        "$DOCKER" logs --tail 20 "schemasync-matrix-$id" >>"$LOGS/$id-server.log" 2>&1 || true
        sed 's/^/    /' "$LOGS/$id-server.log" >&2
    done
}

# The server's own version string, read with a client inside its container (or on this host
# for a given URL).
server_version() {
    local id="$1" name="schemasync-matrix-$1" out=""
    case "${ENGINE[$id]}" in
    postgres)
        if [ -z "${GIVEN[$id]:-}" ]; then
            out="$("$DOCKER" exec "$name" sh -c 'psql -h /tmp -p "$PGPORT" -U postgres -qAtc "SHOW server_version"' 2>/dev/null)"
        else
            out="$(psql "${URL[$id]}" -qAtc "SHOW server_version" 2>/dev/null)"
        fi
        echo "PostgreSQL ${out%% *}" ;;
    mariadb)
        if [ -z "${GIVEN[$id]:-}" ]; then
            out="$("$DOCKER" exec "$name" sh -c 'MYSQL_PWD="$MARIADB_PASSWORD" mariadb --no-defaults --protocol=tcp -h 127.0.0.1 -P "$MARIADB_PORT" -u "$MARIADB_USER" -Ne "SELECT VERSION()"' 2>/dev/null)"
        else
            out="$(bash -c 'rest="${1#*://}"; c="${rest%%@*}"; h="${rest#*@}"; h="${h%%/*}"; MYSQL_PWD="${c#*:}" mariadb --no-defaults --protocol=tcp -h "${h%%:*}" -P "${h#*:}" -u "${c%%:*}" -Ne "SELECT VERSION()"' _ "${URL[$id]}" 2>/dev/null)"
        fi
        echo "MariaDB ${out%%-*}" ;;
    esac
}

ensure_clients() {
    local id want=()
    for id in "${SELECTED[@]}"; do
        case "${ENGINE[$id]}" in
        postgres) command -v psql >/dev/null || want+=(postgresql-client) ;;
        mariadb) command -v mariadb >/dev/null || want+=(mariadb-client) ;;
        esac
    done
    [ ${#want[@]} -eq 0 ] || apt_install $(printf '%s\n' "${want[@]}" | sort -u) || log "could not install ${want[*]}; scenarios will fail"
}

# Runs one scenario script; prints ✓/✗ and adds to the version's counters.
run_scenario() { # id name log command...
    local id="$1" name="$2" logfile="$3"; shift 3
    local started status
    started="$(date +%s)"
    timeout 900 "$@" >"$logfile" 2>&1
    status=$?
    if [ "$status" -eq 0 ]; then
        SC_PASS=$((SC_PASS + 1)); echo "  ✓ scenario $name ($(($(date +%s) - started))s)"
    else
        SC_FAIL=$((SC_FAIL + 1)); echo "  ✗ scenario $name (exit $status; log: $logfile)"
        grep -E "✗|FAIL|error" "$logfile" | redact | head -n 8 | sed 's/^/      /'
    fi
}

run_version() {
    local id="$1" started
    started="$(date +%s)"
    phase "$id"
    if [ -n "${START_FAIL[$id]:-}" ]; then
        ROW[$id]="$(printf '%-14s %-22s %-12s %-12s %-12s %s' "$id" "did not start" "-" "-" "-" "${START_FAIL[$id]}")"
        MATRIX_FAILED=1
        COUNT_FAILED=$((COUNT_FAILED + 1))
        return
    fi
    SC_PASS=0 SC_FAIL=0
    local version tests="-" conformance="-" note=""
    if [ "${ENGINE[$id]}" = sqlite ]; then
        run_sqlite "$id"
        version="$SQLITE_VERSION"
        note="$SQLITE_NOTE; "
    else
        version="$(server_version "$id")"
        echo "server: $version"
        local var filter logfile="$LOGS/$id-tests.log" status
        case "${ENGINE[$id]}" in
        postgres) var=SCHEMASYNC_POSTGRES_URL filter=SchemaSyncPostgreSQLTests ;;
        mariadb) var=SCHEMASYNC_MARIADB_URL filter=SchemaSyncMariaDBTests ;;
        esac
        echo "swift test --filter $filter (log: $logfile)"
        env "$var=${URL[$id]}" timeout 1800 swift test --skip-build --scratch-path "$SCRATCH" --filter "$filter" >"$logfile" 2>&1
        status=$?
        local passed failed skipped cpass cfail
        passed="$(grep -cE "^Test Case '.*' passed" "$logfile")"
        failed="$(grep -cE "^Test Case '.*' failed" "$logfile")"
        skipped="$(grep -cE "^Test Case '.*' skipped" "$logfile")"
        if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; note="swift test exited $status; "; fi
        tests="$passed/$failed"
        COUNT_PASSED=$((COUNT_PASSED + passed)) COUNT_FAILED=$((COUNT_FAILED + failed))
        [ "$skipped" -eq 0 ] || note+="$skipped skipped; "
        cpass="$(grep -c '^✓ ' "$logfile")"
        cfail="$(grep -c '^✗ ' "$logfile")"
        [ $((cpass + cfail)) -eq 0 ] || conformance="$cpass/$cfail"
        local cskip
        cskip="$(grep -c '^- .* — skipped: ' "$logfile")"
        [ "$cskip" -eq 0 ] || note+="$cskip conformance skipped; "
        echo "  tests passed/failed: $tests; conformance scenarios: $conformance"
        grep -E "^Test Case '.*' failed" "$logfile" | sed -E "s/^Test Case '(.*)' failed.*/    ✗ \1/" | head -n 20
        grep -E "^✗ " "$logfile" | head -n 10 | sed 's/^/    /'
        [ "$failed" -eq 0 ] || MATRIX_FAILED=1

        run_scenario "$id" shop "$LOGS/$id-scenario-shop.log" \
            bash integration/matrix/shop-scenario.sh "${ENGINE[$id]}" "${URL[$id]}" "$BIN"
        case "${ENGINE[$id]}" in
        postgres)
            [ -f integration/postgres/scenarios.sh ] && SCHEMASYNC_POSTGRES_URL="${URL[$id]}" \
                run_scenario "$id" postgres/scenarios.sh "$LOGS/$id-scenario-postgres.log" \
                bash integration/postgres/scenarios.sh "$BIN" ;;
        mariadb)
            [ -f integration/mariadb/scenario.sh ] && SCHEMASYNC_MARIADB_URL="${URL[$id]}" SCHEMASYNC_SCRATCH_PATH="$SCRATCH" \
                run_scenario "$id" mariadb/scenario.sh "$LOGS/$id-scenario-mariadb.log" \
                bash integration/mariadb/scenario.sh ;;
        esac
    fi
    [ "$SC_FAIL" -eq 0 ] || MATRIX_FAILED=1
    COUNT_PASSED=$((COUNT_PASSED + SC_PASS)) COUNT_FAILED=$((COUNT_FAILED + SC_FAIL))
    ROW[$id]="$(printf '%-14s %-22s %-12s %-12s %-12s %s' "$id" "$version" "$tests" "$conformance" \
        "$SC_PASS/$SC_FAIL" "${note}$(($(date +%s) - started))s")"
}

# SQLite: the CLI built by this run, inside a Debian container whose libsqlite3 it loads.
# The Swift runtime libraries of this host's toolchain are mounted read-only when the binary
# needs them (a --static-swift-stdlib build does not; set SCHEMASYNC_MATRIX_SQLITE_BIN to use one).
run_sqlite() {
    local id="$1" bin="${SCHEMASYNC_MATRIX_SQLITE_BIN:-$BIN}" mounts=() runtime
    SQLITE_NOTE="static-stdlib CLI"
    bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
    runtime="$(ldd "$bin" 2>/dev/null | awk '/libswiftCore\.so/ { print $3 }')"
    if [ -n "$runtime" ]; then
        runtime="$(dirname "$runtime")"
        mounts+=(-v "$runtime:$runtime:ro" -e "LD_LIBRARY_PATH=$runtime")
        SQLITE_NOTE="CLI + host Swift runtime"
    fi
    local run=("$DOCKER" run --rm --network host -v "$PWD:/src:ro" -v "$bin:/usr/local/bin/schemasync:ro"
        "${mounts[@]}" -w /src "${IMAGE[$id]}")
    local loaded
    loaded="$("${run[@]}" sh -c 'ldd /usr/local/bin/schemasync | grep -E "libsqlite3|not found"' 2>&1)"
    SQLITE_VERSION="SQLite $("${run[@]}" sqlite3 -version 2>/dev/null | cut -d' ' -f1)"
    echo "library: $SQLITE_VERSION, loaded as: $(echo "$loaded" | tr -s ' \t' ' ')"
    if echo "$loaded" | grep -q "not found"; then
        SC_FAIL=$((SC_FAIL + 1)); echo "  ✗ the CLI cannot load its libraries in ${IMAGE[$id]}"
        return
    fi
    run_scenario "$id" shop "$LOGS/$id-scenario-shop.log" \
        "${run[@]}" bash integration/matrix/shop-scenario.sh sqlite - /usr/local/bin/schemasync
}

print_table() {
    local id header
    header="$(printf '%-14s %-22s %-12s %-12s %-12s %s' version server "tests p/f" "conform. p/f" "scenar. p/f" "notes/time")"
    {
        echo
        echo "$header"
        echo "${header//?/-}"
        for id in "${SELECTED[@]}"; do
            [ -n "${ROW[$id]:-}" ] && echo "${ROW[$id]}"
        done
    } | tee "$LOGS/matrix-table.txt"
}

# The machine-readable total, last line of every run however it ends: the test cases and
# scenarios of every version (the conformance column is not added: those scenarios run inside
# one test case each). A version that did not start, or a run that stopped early or exited
# non-zero without a counted failure, counts as (at least) one failure.
print_count() { # exit status
    local failed="$COUNT_FAILED"
    if { [ "$1" -ne 0 ] || [ "$MATRIX_FAILED" -ne 0 ]; } && [ "$failed" -eq 0 ]; then failed=1; fi
    echo "matrix-tests: $COUNT_PASSED passed, $failed failed"
}

matrix_cleanup() {
    local status=$?
    if [ "$KEEP" -eq 1 ] && [ ${#STARTED[@]} -gt 0 ]; then
        log "--keep: left running: ${STARTED[*]}${DOCKERD_PID:+ (and dockerd, pid $DOCKERD_PID)}"
        print_count "$status"
        exit "$status"
    fi
    local name
    for name in "${STARTED[@]}"; do
        "$DOCKER" rm -f "$name" >/dev/null 2>&1 || log "could not remove container $name"
    done
    [ ${#STARTED[@]} -eq 0 ] || echo "removed ${#STARTED[@]} container(s)"
    if [ -n "$DOCKERD_PID" ] && kill -0 "$DOCKERD_PID" 2>/dev/null; then
        kill "$DOCKERD_PID"
        local i
        for i in $(seq 1 30); do kill -0 "$DOCKERD_PID" 2>/dev/null || break; sleep 1; done
        kill -0 "$DOCKERD_PID" 2>/dev/null && log "dockerd (pid $DOCKERD_PID) did not stop" || echo "stopped dockerd"
    fi
    print_count "$status"
    exit "$status"
}
