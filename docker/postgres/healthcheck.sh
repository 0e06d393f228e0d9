#!/bin/sh
# Healthy once the server accepts TCP connections on 127.0.0.1:$PGPORT.
exec "/usr/lib/postgresql/$PG_MAJOR/bin/pg_isready" -q -h 127.0.0.1 -p "$PGPORT" -U postgres
