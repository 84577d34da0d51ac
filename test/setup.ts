import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import postgres from "postgres";

/**
 * Each test file gets a database of its own: a fresh embedded PGlite directory, or, when
 * TEST_DATABASE_URL is set, a fresh PostgreSQL database created on that server and
 * dropped afterwards. The app under test finds it through the usual configuration.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zuoye-test-"));
process.env.DATA_DIR = tmp;
process.env.DEMO_DATA = "0";
process.env.NEXT_TELEMETRY_DISABLED = "1";
// no test may reach another machine: git syncs use local repositories only
process.env.GIT_ALLOW_PROTOCOL = "file";
delete process.env.DATABASE_URL;

const serverUrl = process.env.TEST_DATABASE_URL;
let dbName: string | undefined;
if (serverUrl) {
  dbName = `zuoye_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
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
