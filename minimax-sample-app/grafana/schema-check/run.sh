#!/usr/bin/env bash
# Installs the pinned checker (npm ci, into <work dir>) and checks the dashboard against Grafana's schema.
# Usage: run.sh <dashboard.json> <work dir>
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dashboard="$1"
work="$2"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "SKIPPED: node and npm are not installed (apt-get install nodejs npm; .ci/run does)"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
fi
mkdir -p "$work"
if ! cmp -s "$here/package-lock.json" "$work/package-lock.json" || [ ! -x "$work/node_modules/.bin/tsc" ]; then
    cp "$here/package.json" "$here/package-lock.json" "$work/"
    (cd "$work" && npm ci --no-audit --no-fund --loglevel=error)
fi
exec node "$here/check.mjs" "$dashboard" "$work"
