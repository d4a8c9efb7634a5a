#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and grades the bundled example repository.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system-deps.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  npm run build --silent
fi
node dist/runner/cli.js check examples/etl-sqlite --scenario cdp-data-ia-bloc1-etl --sandbox local --format json,junit,md "$@"
