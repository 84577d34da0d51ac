#!/usr/bin/env bash
# The server the e2e tests drive: the built app (`npx next build` first) on a fresh
# embedded database, or on E2E_DATABASE_URL when set.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 DEMO_DATA=0
# the admin the tests log in as (e2e/admin-login.ts): the password is set on first start
export ADMIN_USERNAME=admin ADMIN_DISPLAY_NAME=管理员 ADMIN_PASSWORD=${E2E_ADMIN_PASSWORD:-e2e-admin-password}
# the browser tests never sync a project from another machine
export GIT_ALLOW_PROTOCOL=file
port=${E2E_PORT:-3210}
if [ ! -f "${NEXT_DIST_DIR:-.next}/BUILD_ID" ]; then
  echo "e2e/serve.sh: no build found; run 'npx next build' first" >&2
  exit 1
fi
if [ -n "${E2E_DATABASE_URL:-}" ]; then
  # on PostgreSQL the executor normally runs in `npm run worker`; here it runs in the server
  export DATABASE_URL=$E2E_DATABASE_URL EXECUTOR=${EXECUTOR:-inline}
else
  unset DATABASE_URL
  # one folder per port, emptied at every start: Playwright ends the server with SIGKILL,
  # so no exit trap would get to delete a mktemp folder
  DATA_DIR="${TMPDIR:-/tmp}/zuoye-e2e-$port"
  rm -rf "$DATA_DIR"
  mkdir -p "$DATA_DIR"
  export DATA_DIR
fi
# served as `npm start` serves it (scripts/serve.ts): one web process, and its keep-alive of
# KEEP_ALIVE_SECONDS, which the API requests of a test reuse after seconds of clicking
export PORT=$port HOSTNAME=127.0.0.1 WEB_CONCURRENCY=${WEB_CONCURRENCY:-1}
exec node --import tsx scripts/serve.ts
