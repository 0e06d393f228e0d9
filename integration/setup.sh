#!/usr/bin/env bash
# Installs the system packages SchemaSync builds against (Debian/Ubuntu, as root or via sudo).
# Swift itself must already be installed. Safe to run again.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

packages=(pkg-config libsqlite3-dev sqlite3 python3)
if [ "${1:-}" = "--servers" ]; then
    packages+=(libpq-dev libmariadb-dev postgresql mariadb-server mariadb-client)
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
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "error: swift is not installed (https://www.swift.org/install)"; exit 1; }
