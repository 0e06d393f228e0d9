# PostgreSQL 15 from Debian bookworm's packages, for SchemaSync's integration matrix.
# The base is made locally by docker/make-base.sh (no image is pulled); with internet access,
# --build-arg BASE_IMAGE=debian:bookworm works too.
ARG BASE_IMAGE=schemasync/debian:bookworm
FROM ${BASE_IMAGE}
ENV DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8
RUN printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d \
 && mkdir -p /etc/postgresql-common \
 && echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.conf \
 && apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null \
 && rm -rf /var/lib/apt/lists/* \
 && install -d -m 1777 /var/lib/schemasync
COPY postgres/entrypoint.sh postgres/healthcheck.sh /usr/local/bin/
ENV PG_MAJOR=15 PGPORT=55415 PGDATA=/var/lib/schemasync/pgdata POSTGRES_HOST_AUTH=trust POSTGRES_PASSWORD=secret
USER postgres
STOPSIGNAL SIGINT
HEALTHCHECK --interval=1s --timeout=5s --retries=60 CMD ["/usr/local/bin/healthcheck.sh"]
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
