import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import postgres from "postgres";

/**
 * Each test file gets a database of its own: a copy of the run's migrated, empty PGlite
 * directory (test/global-setup.ts), or, when TEST_DATABASE_URL is set, a PostgreSQL
 * database created from the run's template database and dropped afterwards. The app under
 * test finds it through the usual configuration.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zuoye-test-"));
process.env.DATA_DIR = tmp;
process.env.DEMO_DATA = "0";
process.env.NEXT_TELEMETRY_DISABLED = "1";
// no test may reach another machine: git syncs use local repositories only
process.env.GIT_ALLOW_PROTOCOL = "file";
delete process.env.DATABASE_URL;

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) fs.cpSync(inject("pgliteTemplate"), path.join(tmp, "pglite"), { recursive: true });
let dbName: string | undefined;
if (serverUrl) {
  dbName = `zuoye_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName} template ${inject("postgresTemplate")}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${dbName}`;
  process.env.DATABASE_URL = u.toString();
}

afterAll(async () => {
  const { closeContext } = await import("@/server/context");
  await closeContext();
  if (serverUrl && dbName) {
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});
