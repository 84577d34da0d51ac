import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { lockPgliteDir } from "./pglite-lock";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = PgDatabase<PgQueryResultHKT, typeof schema, any>;

export type Database = {
  db: Db;
  driver: "pglite" | "postgres";
  /** true when this open created the embedded database (first start) */
  isNew: boolean;
  close: () => Promise<void>;
  /**
   * LISTEN on a channel; resolves to the unlisten function. `onRelisten` is called when a
   * dropped listening connection is back (notifications sent meanwhile are lost).
   */
  listen: (channel: string, onNotify: (payload: string) => void, onRelisten?: () => void) => Promise<() => Promise<void>>;
};

const MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");
// Serialises migrations of several processes starting at once on one PostgreSQL.
const MIGRATION_LOCK = 7217_0001;

export async function openDatabase(opts: { databaseUrl?: string; pgliteDir: string; poolSize?: number }): Promise<Database> {
  if (opts.databaseUrl) {
    await migrateWithLock(opts.databaseUrl);
    // fetch_types off: postgres.js runs that query on every new connection from a message
    // handler that drops its promise, so a connection cut right after it opened (a
    // pg_terminate_backend storm, a restart) was an unhandled rejection that killed the
    // process. Drizzle parses and serialises array columns itself.
    const client = postgres(opts.databaseUrl, { max: opts.poolSize ?? 10, onnotice: () => {}, fetch_types: false });
    return {
      db: drizzlePostgres(client, { schema }) as unknown as Db,
      driver: "postgres",
      isNew: false,
      close: () => client.end({ timeout: 5 }),
      listen: async (channel, onNotify, onRelisten) => {
        let isFirst = true;
        // postgres.js reconnects its listening connection by itself and calls this each time
        const onListen = () => {
          if (!isFirst) onRelisten?.();
          isFirst = false;
        };
        const sub = await client.listen(channel, (payload) => onNotify(payload), onListen);
        return () => sub.unlisten();
      },
    };
  }
  const isNew = !fs.existsSync(path.join(opts.pgliteDir, "PG_VERSION"));
  fs.mkdirSync(opts.pgliteDir, { recursive: true });
  const unlock = lockPgliteDir(opts.pgliteDir);
  // pg_trgm: the trigram index of `?search=` (migration 0027)
  const client = await PGlite.create(opts.pgliteDir, { extensions: { pg_trgm } }).catch((e) => {
    unlock();
    throw e;
  });
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder: MIGRATIONS_DIR });
  return {
    db: db as unknown as Db,
    driver: "pglite",
    isNew,
    close: () => client.close().finally(unlock),
    listen: async (channel, onNotify) => {
      const unsub = await client.listen(channel, (payload) => onNotify(payload));
      return () => unsub();
    },
  };
}

async function migrateWithLock(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres(sql), { migrationsFolder: MIGRATIONS_DIR });
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Raw `execute` results are `{rows}` on PGlite and an array on postgres.js. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
