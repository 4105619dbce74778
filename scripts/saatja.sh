#!/usr/bin/env bash
# The saatja command line from a source checkout (npm run saatja -- <command>), on the same data
# folder as npm start. The production bundle runs it as `node dist/cli.js`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export SAATJA_DATA_DIR="${SAATJA_DATA_DIR:-$ROOT/data}"
exec "$ROOT/apps/bff/node_modules/.bin/tsx" "$ROOT/apps/bff/src/cli.ts" "$@"
