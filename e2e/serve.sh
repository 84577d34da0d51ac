#!/usr/bin/env bash
# The server the e2e tests drive: the built app (`npx next build` first) on a fresh
# embedded database in a temporary DATA_DIR, or on E2E_DATABASE_URL when set.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 DEMO_DATA=0
if [ ! -f .next/BUILD_ID ]; then
  echo "e2e/serve.sh: no build found; run 'npx next build' first" >&2
  exit 1
fi
if [ -n "${E2E_DATABASE_URL:-}" ]; then
  # on PostgreSQL the executor normally runs in `npm run worker`; here it runs in the server
  export DATABASE_URL=$E2E_DATABASE_URL EXECUTOR=${EXECUTOR:-inline}
else
  unset DATABASE_URL
  DATA_DIR=$(mktemp -d -t zuoye-e2e-XXXXXX)
  export DATA_DIR
  trap 'rm -rf "$DATA_DIR"' EXIT
fi
npx next start -p "${E2E_PORT:-3210}" -H 127.0.0.1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; [ -z "${E2E_DATABASE_URL:-}" ] && rm -rf "$DATA_DIR"' EXIT INT TERM
wait $pid
