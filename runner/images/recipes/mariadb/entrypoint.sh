#!/bin/sh
# MariaDB service entrypoint (runs as user mysql). Initialises a throwaway data folder on the /tmp tmpfs (the
# root filesystem is read-only), creates the candidate's user and database in bootstrap mode (no listener, no
# network needed), then serves on 0.0.0.0 inside the container.
set -eu
: "${MSPR_DB_NAME:?}" "${MSPR_DB_USER:?}" "${MSPR_DB_PASSWORD:?}" "${MSPR_ADMIN_PASSWORD:?}"
data=/tmp/mysql
mkdir -p "$data"
# No --user: already running as mysql, and with it the script tries to chown root-owned plugin files.
mariadb-install-db --datadir="$data" --auth-root-authentication-method=normal \
  --skip-test-db --skip-name-resolve >/dev/null
# Names are validated by mspr-lab and passwords are hex, so no quoting issue.
/usr/sbin/mariadbd --datadir="$data" --tmpdir=/tmp --bootstrap --skip-grant-tables=0 >/dev/null <<SQL
FLUSH PRIVILEGES;
ALTER USER 'root'@'localhost' IDENTIFIED BY '$MSPR_ADMIN_PASSWORD';
CREATE USER 'root'@'%' IDENTIFIED BY '$MSPR_ADMIN_PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;
CREATE DATABASE \`$MSPR_DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER '$MSPR_DB_USER'@'%' IDENTIFIED BY '$MSPR_DB_PASSWORD';
GRANT ALL PRIVILEGES ON \`$MSPR_DB_NAME\`.* TO '$MSPR_DB_USER'@'%';
FLUSH PRIVILEGES;
SQL
echo "mspr-lab: initialised database $MSPR_DB_NAME"
exec /usr/sbin/mariadbd --datadir="$data" --tmpdir=/tmp --bind-address=0.0.0.0 --port=3306 \
  --socket=/tmp/mysqld.sock --pid-file=/tmp/mysqld.pid --skip-name-resolve --innodb-flush-log-at-trx-commit=0
