#!/usr/bin/env sh
# Makes a fresh machine (Node and npm only) ready: the pinned Bun, then the locked dependencies.
# Safe to run every time; it does nothing when both are already in place.
set -eu
BUN_VERSION=1.4.5
cd "$(dirname "$0")/.."
if ! command -v bun >/dev/null 2>&1 || [ "$(bun --version)" != "$BUN_VERSION" ]; then
  echo "argo: installing Bun $BUN_VERSION with npm" >&2
  npm install --global --no-fund --no-audit "bun@$BUN_VERSION" >&2
fi
# Reinstall only when the lockfile is newer than the last install.
if [ ! -f node_modules/.argo-installed ] || [ bun.lock -nt node_modules/.argo-installed ]; then
  bun install --frozen-lockfile >&2
  touch node_modules/.argo-installed
fi
