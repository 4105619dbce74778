# Shared by start.sh and test.sh: find or install the pinned pnpm.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PNPM_VERSION="$(node -p "require('$ROOT/package.json').packageManager.split('@')[1]")"

log() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; }

# The pinned pnpm: the one on PATH if it is that version, else a local copy under .tools/ (no sudo needed).
if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ]; then
  PNPM=(pnpm)
else
  if [ ! -x "$ROOT/.tools/node_modules/.bin/pnpm" ] || [ "$("$ROOT/.tools/node_modules/.bin/pnpm" --version)" != "$PNPM_VERSION" ]; then
    log "Installing pnpm $PNPM_VERSION into .tools/"
    npm install --prefix "$ROOT/.tools" --no-save --no-audit --no-fund --loglevel=error "pnpm@$PNPM_VERSION"
  fi
  PNPM=("$ROOT/.tools/node_modules/.bin/pnpm")
fi
export COREPACK_ENABLE_STRICT=0

install_dependencies() {
  log "Installing dependencies"
  (cd "$ROOT" && "${PNPM[@]}" install --frozen-lockfile --config.confirmModulesPurge=false)
}
