#!/bin/sh
# PostgreSQL service entrypoint (runs as user postgres). Initialises a throwaway cluster on the tmpfs data
# folder, creates the candidate's role and database without any network (single-user mode: the run's internal
# network has no loopback route to rely on during init), then serves on 0.0.0.0.
set -eu
: "${MSPR_DB_NAME:?}" "${MSPR_DB_USER:?}" "${MSPR_DB_PASSWORD:?}" "${MSPR_ADMIN_PASSWORD:?}"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
data=/var/lib/postgresql/data/pg
pw=$(mktemp)
printf '%s\n' "$MSPR_ADMIN_PASSWORD" > "$pw"
"$bin/initdb" -D "$data" -U postgres --pwfile="$pw" -A scram-sha-256 --auth-local=trust \
  -E UTF8 --locale=C.UTF-8 >/dev/null
rm -f "$pw"
cat >> "$data/postgresql.conf" <<CONF
listen_addresses = '*'
unix_socket_directories = '/run/postgresql'
# Throwaway data on a tmpfs: durability buys nothing and costs seconds.
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
echo "host all all 0.0.0.0/0 scram-sha-256" >> "$data/pg_hba.conf"
# Names are validated by mspr-lab ([A-Za-z_][A-Za-z0-9_]*) and passwords are hex, so no quoting issue.
"$bin/postgres" --single -D "$data" -j postgres >/dev/null <<SQL
CREATE ROLE "$MSPR_DB_USER" LOGIN PASSWORD '$MSPR_DB_PASSWORD';
CREATE DATABASE "$MSPR_DB_NAME" OWNER "$MSPR_DB_USER";
SQL
echo "mspr-lab: initialised database $MSPR_DB_NAME"
exec "$bin/postgres" -D "$data"
