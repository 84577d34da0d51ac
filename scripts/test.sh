#!/usr/bin/env bash
# The whole test suite, as CI runs it: lint, typecheck, production build, the unit,
# API and executor tests on embedded PGlite and, when TEST_DATABASE_URL is set (or a
# local PostgreSQL answers), again on that server (each test file creates and drops its
# own database), then the Playwright e2e tests in Chromium against the built app.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/install-system-packages.sh --test
bash scripts/install-node-modules.sh
echo "[test] lint";      npm run -s lint
echo "[test] typecheck"; npx tsc --noEmit
echo "[test] build";     npx next build >/tmp/zuoye-test-build.log 2>&1 || { cat /tmp/zuoye-test-build.log; exit 1; }
# PostgreSQL-only tests (standalone workers) and the second pass need a server: use the
# local one when it answers and none was named
if [ -z "${TEST_DATABASE_URL:-}" ] && command -v pg_isready >/dev/null 2>&1 && pg_isready -h 127.0.0.1 -p 5432 -q; then
  export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres
fi
# (not test-results/: Playwright empties that folder when it starts)
rm -rf .test-reports
mkdir -p .test-reports
status=0
echo "[test] vitest on embedded PGlite"
env -u DATABASE_URL -u TEST_DATABASE_URL npx vitest run --reporter=default --reporter=json --outputFile=.test-reports/pglite.json || status=1
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "[test] vitest on PostgreSQL ($TEST_DATABASE_URL)"
  env -u DATABASE_URL npx vitest run --reporter=default --reporter=json --outputFile=.test-reports/postgres.json || status=1
fi
echo "[test] Playwright e2e in Chromium against the built app (embedded database)"
PLAYWRIGHT_JSON_OUTPUT_NAME=.test-reports/e2e.json npx playwright test --reporter=list,json || status=1
node scripts/summarize-tests.mjs .test-reports/*.json
exit $status
