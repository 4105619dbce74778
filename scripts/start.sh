#!/usr/bin/env bash
# Install, build and serve Saatja. With no settings it runs in dev mode: an embedded PostgreSQL under
# ./data/pg, a local mail catcher as the vendor relay, demo users printed below.
source "$(dirname "$0")/lib.sh"

install_dependencies
log "Building the web app"
(cd "$ROOT" && "${PNPM[@]}" --filter @saatja/web build)

export SAATJA_DATA_DIR="${SAATJA_DATA_DIR:-$ROOT/data}"
export SAATJA_WEB_DIST="${SAATJA_WEB_DIST:-$ROOT/apps/web/dist}"
log "Starting Saatja"
cd "$ROOT/apps/bff"
exec ./node_modules/.bin/tsx src/server.ts
