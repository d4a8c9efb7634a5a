#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and grades the bundled example repository.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system-deps.sh
# `npm install`, not `npm ci`: nodejs-polars lists native packages for every platform but publishes only some of
# them, so no lockfile can satisfy `npm ci`'s check. `npm install` still follows package-lock.json.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund
else
  npm run build --silent
fi
node dist/runner/cli.js check examples/etl-sqlite --scenario cdp-data-ia-bloc1-etl --sandbox local --format json,junit,md,html "$@"
