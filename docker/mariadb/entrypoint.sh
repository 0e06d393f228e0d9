#!/bin/sh
# Starts a throwaway MariaDB server for SchemaSync's integration matrix: a fresh data
# directory in $MARIADB_DATA (a tmpfs in the compose file), listening on
# 127.0.0.1:$MARIADB_PORT only. The server runs as the `mysql` user.
# Creates $MARIADB_USER / $MARIADB_PASSWORD with every privilege (tests create databases).
set -eu
: "${MARIADB_PORT:?}" "${MARIADB_DATA:?}" "${MARIADB_USER:=schemasync}" "${MARIADB_PASSWORD:=secret}"

mkdir -p "$MARIADB_DATA" /run/mysqld
chown mysql:mysql "$MARIADB_DATA" /run/mysqld
if [ ! -d "$MARIADB_DATA/mysql" ]; then
    mariadb-install-db --no-defaults --user=mysql --datadir="$MARIADB_DATA" \
        --auth-root-authentication-method=socket --skip-test-db >/tmp/install-db.log 2>&1 \
        || { cat /tmp/install-db.log >&2; exit 1; }
fi

# Runs before the server accepts connections, so "healthy" means the user exists.
init=/run/mysqld/schemasync-init.sql
cat >"$init" <<SQL
CREATE USER IF NOT EXISTS '$MARIADB_USER'@'127.0.0.1' IDENTIFIED BY '$MARIADB_PASSWORD';
CREATE USER IF NOT EXISTS '$MARIADB_USER'@'localhost' IDENTIFIED BY '$MARIADB_PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO '$MARIADB_USER'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO '$MARIADB_USER'@'localhost' WITH GRANT OPTION;
SQL
chown mysql:mysql "$init"
chmod 600 "$init"

# The collation is left at each version's default on purpose: the matrix should see what
# users of that version see.
exec mariadbd --no-defaults --user=mysql --datadir="$MARIADB_DATA" \
    --socket=/run/mysqld/mysqld.sock --pid-file=/run/mysqld/mysqld.pid \
    --bind-address=127.0.0.1 --port="$MARIADB_PORT" --skip-name-resolve \
    --character-set-server=utf8mb4 --max-connections=200 \
    --innodb-flush-log-at-trx-commit=0 --innodb-buffer-pool-size=64M \
    --init-file="$init"
