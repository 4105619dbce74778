#!/usr/bin/env bash
# The production bundle, as the container image builds it and `npm test` runs it:
#   scripts/build-production.sh <out-dir>
# <out-dir> gets dist/ (the BFF compiled to JavaScript), web/ (the built web app) and node_modules/
# with the BFF's production dependencies only. Run it with `node dist/server.js` from <out-dir>.
source "$(dirname "$0")/lib.sh"

OUT="${1:?usage: scripts/build-production.sh <out-dir>}"
OUT="$(mkdir -p "$OUT" && cd "$OUT" && pwd)"
# The folder is emptied first: never the checkout itself or a parent of it.
case "$ROOT/" in "$OUT"/*) echo "refusing to build into $OUT: it contains the source checkout" >&2; exit 64 ;; esac

install_dependencies
log "Building the web app"
(cd "$ROOT" && "${PNPM[@]}" --filter @saatja/web build)
log "Compiling the BFF to JavaScript"
(cd "$ROOT" && "${PNPM[@]}" --filter @saatja/bff build)
log "Collecting the BFF with its production dependencies into $OUT"
rm -rf "$OUT"
(cd "$ROOT" && "${PNPM[@]}" --filter @saatja/bff deploy --prod --legacy --config.confirmModulesPurge=false "$OUT" >/dev/null)
cp -R "$ROOT/apps/web/dist" "$OUT/web"
chmod +x "$OUT/dist/cli.js"
echo "Production bundle in $OUT: node dist/server.js (server), node dist/cli.js --help (commands)"
