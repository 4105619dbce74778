#!/usr/bin/env bash
# The pinned pnpm (installed under .tools/ when the PATH has none), for npm scripts: npm run pnpm -- <args>.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
exec "${PNPM[@]}" "$@"
