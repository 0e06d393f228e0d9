# MariaDB 10.11 from Debian bookworm's packages, for SchemaSync's integration matrix.
# The base is made locally by docker/make-base.sh (no image is pulled); with internet access,
# --build-arg BASE_IMAGE=debian:bookworm works too.
ARG BASE_IMAGE=schemasync/debian:bookworm
FROM ${BASE_IMAGE}
ENV DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8
RUN printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d \
 && apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends mariadb-server mariadb-client >/dev/null \
 && rm -rf /var/lib/apt/lists/* \
 && test "$(mariadbd --version | grep -o ' 10.11\.[0-9]*' | head -n 1)" != "" \
 && install -d -m 1777 /var/lib/schemasync
COPY mariadb/entrypoint.sh mariadb/healthcheck.sh /usr/local/bin/
ENV MARIADB_PORT=33111 MARIADB_DATA=/var/lib/schemasync/mariadb MARIADB_USER=schemasync MARIADB_PASSWORD=secret
HEALTHCHECK --interval=1s --timeout=5s --retries=90 CMD ["/usr/local/bin/healthcheck.sh"]
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
