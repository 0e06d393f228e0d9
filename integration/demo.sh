#!/usr/bin/env bash
# The demo: syncs examples/shop.yaml into a SQLite file, showing the plan, applying it,
# and showing that a second run finds nothing to do.
set -euo pipefail
cd "$(dirname "$0")/.."

bash integration/setup.sh
swift build --product schemasync -c release 2>&1 | tail -n 1
BIN="$(swift build -c release --show-bin-path)/schemasync"
DB="${DEMO_DB:-demo.db}"
URL="sqlite:$DB"
# plan never creates a database file (a typo must not leave one behind); an empty file is an
# empty SQLite database, which apply then fills.
[ -e "$DB" ] || : >"$DB"

echo; echo "== plan: what would change in $DB =="
"$BIN" plan --url "$URL" --schema examples/shop.yaml
echo; echo "== apply =="
"$BIN" apply --url "$URL" --schema examples/shop.yaml
echo; echo "== second run: nothing to do =="
"$BIN" apply --url "$URL" --schema examples/shop.yaml
"$BIN" plan --url "$URL" --schema examples/shop.yaml --exit-code >/dev/null
echo; echo "Demo done: $DB is in sync with examples/shop.yaml (plan --exit-code returned 0)."
