#!/bin/sh
# Runs as root inside the chroot of the candidate runtime image.
set -eu
# The fixed non-root user candidates run as when mspr-lab itself runs as root (see docs/docker.md, "uid").
groupadd --gid 10001 mspr
useradd --uid 10001 --gid 10001 --no-create-home --home-dir /tmp --shell /bin/sh mspr
# Mount points: the root filesystem is read-only at run time, so they must already exist.
mkdir -p /workspace /datasets /mspr/trace /opt/mspr/tracer /opt/mspr-venv
# `python` as well as `python3`: candidates' notebooks and READMEs use both.
ln -sf /usr/bin/python3 /usr/local/bin/python
# Byte-compile everything now: at run time the root filesystem is read-only and imports would recompile.
python3 -m compileall -q /usr/lib/python3/dist-packages >/dev/null 2>&1 || true
