#!/usr/bin/env bash
# Installs the Debian packages mspr-lab needs to run candidates' Python, when they are missing.
# Idempotent: a machine that has them all does nothing (no apt-get update, no network).
# Usage: bash scripts/ensure-system-deps.sh [extra-package ...]
set -euo pipefail

# The data stack candidates' code runs with: the same list the docker runtime image is built from.
mapfile -t PACKAGES < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$(dirname "$0")/../runner/images/recipes/python/packages.txt")
# Git for submissions given as repositories.
PACKAGES+=(git)
PACKAGES+=("$@")

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "mspr-lab: installing Debian packages: ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "mspr-lab: run as root: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
