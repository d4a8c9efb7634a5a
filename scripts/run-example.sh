#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and grades the bundled example repository.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system-deps.sh
bash scripts/install-and-build.sh
node dist/runner/cli.js check examples/etl-sqlite --scenario cdp-data-ia-bloc1-etl --sandbox local --format json,junit,md,html "$@"
