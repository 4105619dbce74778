#!/usr/bin/env bash
# For working on Saatja: the BFF in dev mode (restarting when its code changes) and Vite's dev server
# with hot reload, which passes /api to the BFF. Open http://localhost:5173.
source "$(dirname "$0")/lib.sh"

install_dependencies
export SAATJA_DATA_DIR="${SAATJA_DATA_DIR:-$ROOT/data}"
log "Starting the BFF (dev mode, port 3000) and the web app with hot reload at http://localhost:5173"
(cd "$ROOT/apps/bff" && exec ./node_modules/.bin/tsx watch --clear-screen=false src/server.ts) &
bff=$!
trap 'kill "$bff" 2>/dev/null || true' EXIT
cd "$ROOT/apps/web"
./node_modules/.bin/vite --port 5173 --strictPort
