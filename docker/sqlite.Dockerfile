# A Debian system whose SQLite library the `schemasync` CLI loads: bookworm ships SQLite 3.40,
# trixie 3.46. No server runs here; integration/matrix.sh bind-mounts the CLI and runs the
# end-to-end scenario inside (docker/README.md). Also has the client libraries the CLI links.
ARG BASE_IMAGE=schemasync/debian:trixie
FROM ${BASE_IMAGE}
ENV DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends libsqlite3-0 sqlite3 libpq5 libmariadb3 >/dev/null \
 && rm -rf /var/lib/apt/lists/*
CMD ["sqlite3", "-version"]
