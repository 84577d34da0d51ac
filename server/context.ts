import type { Database, Db } from "@/db/client";
import { openConfiguredDatabase } from "@/core/data-dir";
import { readConfig, type Config } from "@/core/config";
import { ensureAdminUser } from "./auth/ensure-admin-user";
import { seedDemoData } from "./demo/seed-demo-data";
import { HistoryHub } from "./output/history-hub";
import { LiveHub } from "./output/live-hub";

/** `live`: the process's one listener that feeds every job output stream; `history`: the history pages' one. */
export type AppContext = { config: Config; db: Db; database: Database; adminUserId: number; live: LiveHub; history: HistoryHub };

// One instance per process: Next loads route handlers and instrumentation as separate
// module copies, and dev reload re-runs modules.
const KEY = Symbol.for("zuoye.context");
const STOPPED = Symbol.for("zuoye.context.stopped");
type Holder = { [KEY]?: Promise<AppContext>; [STOPPED]?: boolean };

export function getContext(): Promise<AppContext> {
  const g = globalThis as Holder;
  // a request during shutdown must not open the database again (it would be left unclosed)
  if (g[STOPPED]) return Promise.reject(new Error("the server is stopping"));
  g[KEY] ??= createContext().catch((e) => {
    delete g[KEY];
    throw e;
  });
  return g[KEY];
}

async function createContext(): Promise<AppContext> {
  const config = readConfig();
  const database = await openConfiguredDatabase(config);
  const adminUserId = await ensureAdminUser(database.db, config);
  if (database.isNew && config.demoData) await seedDemoData(database.db, { config, adminUserId });
  return {
    config,
    db: database.db,
    database,
    adminUserId,
    live: new LiveHub(database.db, database.listen),
    history: new HistoryHub(database.db, database.listen),
  };
}

/** Closes the process's database (tests, worker shutdown). */
export async function closeContext(): Promise<void> {
  const g = globalThis as Holder;
  const p = g[KEY];
  delete g[KEY];
  if (!p) return;
  const ctx = await p;
  await Promise.all([ctx.live.stop(), ctx.history.stop()]);
  await ctx.database.close();
}

/** Server shutdown: closes the database for good (later getContext calls fail). */
export async function shutDownContext(): Promise<void> {
  (globalThis as Holder)[STOPPED] = true;
  await closeContext();
}
