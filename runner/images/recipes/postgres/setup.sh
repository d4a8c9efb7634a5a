#!/bin/sh
# Runs as root inside the chroot of the PostgreSQL service image.
set -eu
# The package's postinst created a cluster the image does not use: data lives on a tmpfs at run time.
for cluster in /etc/postgresql/*/main; do
  [ -d "$cluster" ] || continue
  version=$(basename "$(dirname "$cluster")")
  pg_dropcluster "$version" main || true
done
install -m 755 /tmp/mspr-setup/entrypoint.sh /usr/local/bin/mspr-entrypoint
