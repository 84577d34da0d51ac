#!/usr/bin/env bash
# One command on a fresh Debian machine: install what is missing, build, and serve the
# app on the embedded database (created with demo data on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/install-system-packages.sh
bash scripts/install-node-modules.sh
rev=$(git rev-parse HEAD 2>/dev/null || echo unknown)$(git status --porcelain 2>/dev/null | md5sum | cut -c1-8)
if [ ! -f .next/BUILD_ID ] || [ "$(cat .next/zuoye-rev 2>/dev/null)" != "$rev" ]; then
  echo "[start] building"
  npx next build >/tmp/zuoye-build.log 2>&1 || { cat /tmp/zuoye-build.log; exit 1; }
  echo "$rev" > .next/zuoye-rev
fi
PORT=${PORT:-3000}
HOST=${HOSTNAME:-0.0.0.0}
# WEB_CONCURRENCY web processes on the port (scripts/serve.ts); the embedded database has one
PORT=$PORT HOSTNAME=$HOST node --import tsx scripts/serve.ts &
pid=$!
trap 'kill $pid 2>/dev/null' INT TERM
for _ in $(seq 1 120); do
  # the API answers 401 without credentials once the database is open
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/job/job/?limit=1" 2>/dev/null)" = 401 ]; then
    user=${ADMIN_USERNAME:-admin}
    pwfile="${DATA_DIR:-./data}/admin-password"
    if [ -n "${ADMIN_PASSWORD:-}" ]; then login="$user / the ADMIN_PASSWORD you set (on first start)"
    elif [ -f "$pwfile" ]; then login="$user / $(cat "$pwfile")   (generated on first start; change it on /account, 我的账号)"
    else login="$user has no password yet: npm run user:create -- --username $user --role admin"
    fi
    demo=""
    if [ -f "${DATA_DIR:-./data}/demo-logins" ]; then
      demo="$(awk '{printf "                        %s / %s   (demo %s)\n", $1, $3, $2}' "${DATA_DIR:-./data}/demo-logins")"
    fi
    cat <<MSG

  作业任务 is running:  http://localhost:$PORT/
  Job API:              http://localhost:$PORT/api/job/job/
  Database:             ${DATABASE_URL:+PostgreSQL (DATABASE_URL)}${DATABASE_URL:-embedded PGlite in ${DATA_DIR:-./data}/pglite (demo data on first start)}
  Log in:               $login
${demo:+$demo
}  API token:            create one on /account, or: curl -d username=$user -d password=… http://localhost:$PORT/api/auth/token/
                        then: curl -H "Authorization: Token <key>" http://localhost:$PORT/api/job/job/

MSG
    break
  fi
  kill -0 $pid 2>/dev/null || exit 1
  sleep 0.5
done
wait $pid
