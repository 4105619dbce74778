#!/usr/bin/env bash
# The whole test suite, as CI runs it: typecheck, lint, unit and integration tests (with the core
# coverage report, and the production bundle built by the image's script), then the Playwright
# end-to-end suite in headless Chromium.
source "$(dirname "$0")/lib.sh"

find_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ]; then return; fi
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -x "$candidate" ]; then export CHROMIUM_PATH="$candidate"; return; fi
  done
  if ls "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium* >/dev/null 2>&1; then return; fi
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    log "Installing Debian's chromium (Playwright cannot download its own browser here)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    export CHROMIUM_PATH=/usr/bin/chromium
    return
  fi
  echo "No Chromium found: install Debian's 'chromium' package, or run 'pnpm exec playwright install chromium'." >&2
  exit 1
}

install_dependencies
find_chromium
cd "$ROOT"
log "Typecheck"
"${PNPM[@]}" -r --workspace-concurrency=1 typecheck
"${PNPM[@]}" exec tsc --noEmit -p bench
log "Lint and format (ESLint, Prettier)"
"${PNPM[@]}" exec eslint .
"${PNPM[@]}" exec prettier --check .
# The container image's build script; it builds the web app the Playwright suite serves too.
bash "$ROOT/scripts/build-production.sh" "$ROOT/dist/production"
export SAATJA_PRODUCTION_BUNDLE="$ROOT/dist/production"
log "Unit and integration tests (vitest), with packages/core coverage; the production bundle started as the image runs it"
"${PNPM[@]}" exec vitest run --coverage
log "End-to-end tests (Playwright, headless Chromium${CHROMIUM_PATH:+ at $CHROMIUM_PATH})"
"${PNPM[@]}" exec playwright test "$@"
