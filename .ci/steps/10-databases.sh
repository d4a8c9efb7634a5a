# shellcheck shell=bash
# Sourced by .ci/run: installs PostgreSQL and MariaDB from Debian when missing, starts one server of each on
# 127.0.0.1 (own data folders, non-default ports, nothing else on the machine touched) and exports their admin
# URLs for the tests and the `--services local` provider:
#   MSPR_POSTGRES_ADMIN_URL=postgresql://mspr_admin:<pw>@127.0.0.1:55432/postgres
#   MSPR_MYSQL_ADMIN_URL=mysql://mspr_admin:<pw>@127.0.0.1:53306/mysql
# Idempotent: a second run reuses the data folders and the running servers. A developer can load the same
# variables with `source "$MSPR_DB_CACHE/env.sh"` (default cache: /var/cache/mspr-lab/databases).
# MongoDB cannot be installed from Debian or npm here: its tests run only when MSPR_TEST_MONGODB_URL is set.

mspr_db_main() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  local cache="${MSPR_DB_CACHE:-/var/cache/mspr-lab/databases}"
  if ! { mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ]; }; then
    cache="${HOME}/.cache/mspr-lab/databases"
    mkdir -p "$cache"
  fi
  export MSPR_DB_CACHE="$cache"

  local pg_bin=""
  # `|| true`: .ci/run sources this under `set -eo pipefail`, and on a fresh machine the glob matches nothing.
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$pg_bin" ] || ! command -v mariadbd >/dev/null 2>&1; then
    echo "10-databases: installing postgresql and mariadb-server from Debian"
    $sudo apt-get update -qq
    # policy-rc.d-less containers would try to start the packaged services: we do not want them, ours run below.
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql mariadb-server mariadb-client >/dev/null
    pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi

  mspr_db_start_postgres "$pg_bin" "$cache/postgres" 55432 || return 1
  mspr_db_start_mariadb "$cache/mariadb" 53306 || return 1

  {
    echo "export MSPR_POSTGRES_ADMIN_URL='$MSPR_POSTGRES_ADMIN_URL'"
    echo "export MSPR_MYSQL_ADMIN_URL='$MSPR_MYSQL_ADMIN_URL'"
  } >"$cache/env.sh"
  chmod 600 "$cache/env.sh"
  echo "10-databases: PostgreSQL on 127.0.0.1:55432, MariaDB on 127.0.0.1:53306 (admin URLs in $cache/env.sh)"
}

# The password is made once per cache folder, so reruns (and a developer's shell) keep working.
mspr_db_password() {
  local file="$1"
  [ -s "$file" ] || { head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$file"; chmod 600 "$file"; }
  cat "$file"
}

# Runs a command as the database's system user when we are root (initdb and postgres refuse root).
mspr_db_as() {
  local user="$1"
  shift
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

mspr_db_start_postgres() {
  local bin="$1" dir="$2" port="$3" owner="postgres"
  [ "$(id -u)" -eq 0 ] || owner="$(id -un)"
  mkdir -p "$dir"
  local password
  password="$(mspr_db_password "$dir.password")"
  chown "$owner" "$dir" 2>/dev/null || true
  if [ ! -s "$dir/data/PG_VERSION" ]; then
    local pwfile="$dir/.pw"
    printf '%s\n' "$password" >"$pwfile"
    chown "$owner" "$pwfile" 2>/dev/null || true
    mspr_db_as "$owner" "$bin/initdb" -D "$dir/data" -U mspr_admin --pwfile="$pwfile" --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log"; rm -f "$pwfile"; return 1; }
    rm -f "$pwfile"
  fi
  if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    # Small shared buffers and no fsync: a test server, throwaway data, two cores shared with the suite.
    mspr_db_as "$owner" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$dir/data' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null ||
      { tail -n 20 "$dir/server.log"; return 1; }
  fi
  export MSPR_POSTGRES_ADMIN_URL="postgresql://mspr_admin:${password}@127.0.0.1:${port}/postgres"
}

mspr_db_start_mariadb() {
  local dir="$1" port="$2" owner="mysql" dbroot="root"
  # Without root, mariadb-install-db gives the invoking user the socket-authenticated admin account.
  [ "$(id -u)" -eq 0 ] || { owner="$(id -un)"; dbroot="$owner"; }
  mkdir -p "$dir"
  local password
  password="$(mspr_db_password "$dir.password")"
  chown "$owner" "$dir" 2>/dev/null || true
  local socket="$dir/mysqld.sock"
  if [ ! -d "$dir/data/mysql" ]; then
    mariadb-install-db --no-defaults --datadir="$dir/data" --user="$owner" --auth-root-authentication-method=socket --skip-test-db >"$dir/install.log" 2>&1 ||
      { cat "$dir/install.log"; return 1; }
  fi
  if ! mariadb-admin --no-defaults --protocol=socket --socket="$socket" -u "$dbroot" ping >/dev/null 2>&1; then
    # setsid + nohup: the server outlives this shell; .ci/run's job ends with the machine.
    setsid nohup mariadbd --no-defaults --datadir="$dir/data" --user="$owner" --bind-address=127.0.0.1 --port="$port" \
      --socket="$socket" --pid-file="$dir/mariadbd.pid" --log-error="$dir/server.log" --skip-name-resolve \
      --innodb-buffer-pool-size=128M --innodb-flush-log-at-trx-commit=0 --max-connections=200 >/dev/null 2>&1 </dev/null &
    local waited=0
    until mariadb-admin --no-defaults --protocol=socket --socket="$socket" -u "$dbroot" ping >/dev/null 2>&1; do
      waited=$((waited + 1))
      if [ "$waited" -gt 60 ]; then tail -n 20 "$dir/server.log"; return 1; fi
      sleep 1
    done
  fi
  mariadb --no-defaults --protocol=socket --socket="$socket" -u "$dbroot" <<SQL || return 1
CREATE USER IF NOT EXISTS 'mspr_admin'@'127.0.0.1' IDENTIFIED BY '${password}';
ALTER USER 'mspr_admin'@'127.0.0.1' IDENTIFIED BY '${password}';
GRANT ALL PRIVILEGES ON *.* TO 'mspr_admin'@'127.0.0.1' WITH GRANT OPTION;
FLUSH PRIVILEGES;
SQL
  export MSPR_MYSQL_ADMIN_URL="mysql://mspr_admin:${password}@127.0.0.1:${port}/mysql"
}

mspr_db_main
