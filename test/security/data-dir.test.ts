import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readConfig } from "@/core/config";
import { openConfiguredDatabase } from "@/core/data-dir";
import { secretBox } from "@/core/crypto/secret-box";

/** Files under `root` that others may read or write. */
function looseFiles(root: string): string[] {
  const loose: string[] = [];
  for (const e of fs.readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (e.isSymbolicLink()) continue;
    const file = path.join(e.parentPath, e.name);
    const mode = fs.statSync(file).mode & 0o777;
    if (mode & 0o077) loose.push(`${path.relative(root, file)} ${mode.toString(8)}`);
  }
  return loose;
}

/** DATA_DIR is the server's alone: 0700, and nothing in it readable or writable by others. */
describe.skipIf(!!process.env.DATABASE_URL)("the data directory", () => {
  it("is 0700 with every file in it 0600/0700: what PGlite makes, what an older version left, what comes after", async () => {
    const dataDir = path.join(process.env.DATA_DIR!, "own-data");
    const config = readConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" });
    let database = await openConfiguredDatabase(config);
    secretBox(config);
    // a new database: PGlite made ~1,100 files, 0666 on its own
    expect(fs.readdirSync(config.pgliteDir).length).toBeGreaterThan(10);
    expect(looseFiles(dataDir)).toEqual([]);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dataDir, "secret.key")).mode & 0o777).toBe(0o600);
    await database.close();

    // what an older version left: an open folder and a world-writable database file
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(path.join(config.pgliteDir, "PG_VERSION"), 0o666);
    fs.chmodSync(path.join(config.pgliteDir, "base"), 0o777);
    database = await openConfiguredDatabase(config);
    try {
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(looseFiles(dataDir)).toEqual([]);
      // what the process writes from now on is private too (umask 077)
      fs.writeFileSync(path.join(dataDir, "new-file"), "x");
      fs.mkdirSync(path.join(dataDir, "new-dir"));
      expect(fs.statSync(path.join(dataDir, "new-file")).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.join(dataDir, "new-dir")).mode & 0o777).toBe(0o700);
    } finally {
      await database.close();
    }
  }, 120_000);
});
