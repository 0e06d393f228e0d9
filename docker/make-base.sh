#!/usr/bin/env bash
# Builds the Debian base images the Dockerfiles start from, without pulling anything:
# `debootstrap` fetches the packages from Debian's archive and `docker import` turns the
# directory into an image.
#
#   docker/make-base.sh [bookworm] [trixie]     # default: both
#
# Tags: schemasync/debian:<suite>. A base that already exists is kept (delete it with
# `docker rmi schemasync/debian:<suite>` to rebuild). Needs root and debootstrap.
# Environment: SCHEMASYNC_DEBIAN_MIRROR (default http://deb.debian.org/debian),
# DOCKER (default docker).
set -euo pipefail

MIRROR="${SCHEMASYNC_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
DOCKER="${DOCKER:-docker}"
suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(bookworm trixie)

log() { echo "make-base: $*" >&2; }

build_suite() {
    local suite="$1" tag="schemasync/debian:$1"
    if "$DOCKER" image inspect "$tag" >/dev/null 2>&1; then
        log "$tag already exists"
        return 0
    fi
    [ "$(id -u)" -eq 0 ] || { log "debootstrap needs root"; return 1; }
    command -v debootstrap >/dev/null || { log "debootstrap is not installed (apt-get install debootstrap)"; return 1; }

    local root
    root="$(mktemp -d "${TMPDIR:-/tmp}/schemasync-rootfs-$suite.XXXXXX")"
    # shellcheck disable=SC2064
    trap "rm -rf '$root' '$root.log'" EXIT
    log "debootstrap $suite from $MIRROR (a minute or two)"
    if ! debootstrap --variant=minbase "$suite" "$root" "$MIRROR" >"$root.log" 2>&1; then
        tail -n 20 "$root.log" >&2
        log "debootstrap $suite failed"
        return 1
    fi

    # What a container image wants: no services started by package scripts, no recommends,
    # no package caches, no man pages.
    printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
    chmod 755 "$root/usr/sbin/policy-rc.d"
    cat >"$root/etc/apt/apt.conf.d/90schemasync" <<'APT'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
Acquire::Languages "none";
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/*.bin || true"; };
APT
    cat >"$root/etc/dpkg/dpkg.cfg.d/90schemasync" <<'DPKG'
force-unsafe-io
path-exclude /usr/share/doc/*
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
DPKG
    echo "deb $MIRROR $suite main" >"$root/etc/apt/sources.list"
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/dev/*

    log "importing as $tag"
    tar --numeric-owner -C "$root" -c . | "$DOCKER" import \
        --change 'CMD ["/bin/bash"]' --change 'ENV LANG=C.UTF-8' - "$tag" >/dev/null
    log "$tag ready"
}

# The suites download in parallel (the time goes to the network, not the CPU).
pids=()
for suite in "${suites[@]}"; do
    build_suite "$suite" &
    pids+=($!)
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
exit "$status"
