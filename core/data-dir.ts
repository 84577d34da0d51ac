import fs from "node:fs";
import path from "node:path";
import { openDatabase, type Database } from "@/db/client";
import type { Config } from "./config";

/**
 * DATA_DIR is this server's alone: 0700, and everything written in it 0600/0700 (umask
 * 077 for the whole process, set before the first file is made). Files an earlier
 * version or PGlite left readable or writable by others are tightened at start.
 */
export function prepareDataDir(config: Pick<Config, "dataDir" | "pgliteDir">): void {
  process.umask(0o077);
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(config.dataDir, 0o700);
  if (fs.existsSync(config.pgliteDir)) tightenTree(config.pgliteDir);
}

function tighten(file: string, mode: number): void {
  if ((mode & 0o077) !== 0) fs.chmodSync(file, mode & ~0o077);
}

function tightenTree(dir: string): void {
  tighten(dir, fs.statSync(dir).mode);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isSymbolicLink()) continue;
    const file = path.join(entry.parentPath, entry.name);
    tighten(file, fs.statSync(file).mode);
  }
}

/** The configured database, opened by an entry point (server, worker, CLI) after securing DATA_DIR. */
export async function openConfiguredDatabase(config: Config, poolSize?: number): Promise<Database> {
  prepareDataDir(config);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir, poolSize });
  // PGlite sets some modes itself (a new database's files were 0666) whatever the umask
  if (database.driver === "pglite") tightenTree(config.pgliteDir);
  return database;
}
