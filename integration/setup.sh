#!/usr/bin/env bash
# Installs the system packages SchemaSync builds against (Debian/Ubuntu, as root or via sudo).
# Swift itself must already be installed. Safe to run again.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

packages=(pkg-config libsqlite3-dev sqlite3 python3)
if [ "${1:-}" = "--servers" ]; then
    packages+=(libpq-dev libmariadb-dev postgresql mariadb-server mariadb-client)
    # The Firebird connector's package (Packages/Firebird): client library, server and isql-fb.
    packages+=(firebird-dev firebird3.0-server firebird3.0-utils)
else
    packages+=(libpq-dev libmariadb-dev)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    $SUDO apt-get update -qq
    if [[ " ${missing[*]} " == *" firebird3.0-server "* ]]; then
        # No SYSDBA password question: the tests run their own server (integration/start-firebird.sh).
        echo "firebird3.0-server shared/firebird/sysdba_password/first_install password" | $SUDO debconf-set-selections
    fi
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    if [[ " ${missing[*]} " == *" firebird3.0-server "* ]]; then
        # The package starts a system server on port 3050 where services may start; the tests never use it.
        $SUDO service firebird3.0 stop >/dev/null 2>&1 || true
    fi
fi
command -v swift >/dev/null || { echo "error: swift is not installed (https://www.swift.org/install)"; exit 1; }
