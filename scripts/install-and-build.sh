#!/usr/bin/env bash
# Installs the npm packages when they are missing or older than the lockfile, and builds dist/ from the sources.
# Shared by the quick start (scripts/run-example.sh) and CI steps that need the CLI before the quick start runs.
set -euo pipefail
cd "$(dirname "$0")/.."
# `npm install`, not `npm ci`: nodejs-polars lists native packages for every platform but publishes only some of
# them, so no lockfile can satisfy `npm ci`'s check. `npm install` still follows package-lock.json.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund # its `prepare` script builds
else
  node node_modules/typescript/bin/tsc -p tsconfig.json
fi
