#!/bin/sh
# Runs as root inside the chroot of the MariaDB service image.
set -eu
rm -rf /var/lib/mysql/*
install -m 755 /tmp/mspr-setup/entrypoint.sh /usr/local/bin/mspr-entrypoint
