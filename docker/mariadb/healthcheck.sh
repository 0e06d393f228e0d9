#!/bin/sh
# Healthy once $MARIADB_USER can log in over TCP on 127.0.0.1:$MARIADB_PORT.
MYSQL_PWD="$MARIADB_PASSWORD" exec mariadb --no-defaults --protocol=tcp -h 127.0.0.1 \
    -P "$MARIADB_PORT" -u "$MARIADB_USER" -e 'SELECT 1' >/dev/null 2>&1
