#!/bin/sh
# PostgreSQL service entrypoint (runs as user postgres). Initialises a throwaway cluster on the /tmp tmpfs (the
# only writable place: the root filesystem is read-only), creates the candidate's role and database in
# single-user mode (no listener at all, so nothing can connect before the role exists and no temporary server
# prints a misleading "ready" line), then serves on 0.0.0.0 inside the container.
set -eu
: "${MSPR_DB_NAME:?}" "${MSPR_DB_USER:?}" "${MSPR_DB_PASSWORD:?}" "${MSPR_ADMIN_PASSWORD:?}"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
data=/tmp/pgdata
pw=$(mktemp)
printf '%s\n' "$MSPR_ADMIN_PASSWORD" > "$pw"
"$bin/initdb" -D "$data" -U postgres --pwfile="$pw" -A scram-sha-256 --auth-local=trust \
  -E UTF8 --locale=C.UTF-8 >/dev/null
rm -f "$pw"
cat >> "$data/postgresql.conf" <<CONF
listen_addresses = '*'
unix_socket_directories = '/tmp'
# Throwaway data on a tmpfs: durability buys nothing and costs seconds.
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
echo "host all all 0.0.0.0/0 scram-sha-256" >> "$data/pg_hba.conf"
# Names are validated by mspr-lab ([A-Za-z_][A-Za-z0-9_]*) and passwords are hex, so no quoting issue.
# With -j a command ends at ";" plus a blank line: one statement per command, since CREATE DATABASE cannot
# share a transaction. Single-user mode exits 0 even when a statement fails, hence the ERROR check.
out=$("$bin/postgres" --single -D "$data" -j postgres 2>&1 <<SQL
CREATE ROLE "$MSPR_DB_USER" LOGIN PASSWORD '$MSPR_DB_PASSWORD';

CREATE DATABASE "$MSPR_DB_NAME" OWNER "$MSPR_DB_USER";

SQL
)
if printf '%s' "$out" | grep -q 'ERROR:'; then
  printf '%s\n' "$out" >&2
  exit 1
fi
echo "mspr-lab: initialised database $MSPR_DB_NAME"
exec "$bin/postgres" -D "$data"
