#!/usr/bin/env bash
# npm ci when node_modules is missing or older than the lock file. Playwright's own
# browser download is off: the tests use Debian's Chromium.
set -euo pipefail
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
