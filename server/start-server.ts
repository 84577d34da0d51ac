import { logError } from "@/lib/log/log-error";
import { getContext } from "./context";
import { recordPeers } from "./http/peer";

const KEY = Symbol.for("zuoye.background");

/**
 * Server start: the database (migrations, admin, demo data), then background work. With
 * the embedded database the executor runs in this process; with PostgreSQL it runs in
 * `npm run worker` processes and this one only ends jobs whose worker died and fires due schedules.
 */
export async function startServer(): Promise<void> {
  // before the first request: route handlers learn the socket's address from it
  recordPeers();
  try {
    const ctx = await getContext();
    const where = ctx.config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${ctx.config.pgliteDir}`;
    console.log(`[zuoye] database ready: ${where}`);
    const g = globalThis as { [KEY]?: boolean };
    if (g[KEY]) return;
    g[KEY] = true;
    if (ctx.config.inlineExecutor) {
      const { startExecutor } = await import("@/executor/start-executor");
      const executor = await startExecutor(ctx.database, ctx.config);
      const shutdown = () => void executor.stop().finally(() => process.exit(0));
      process.once("SIGTERM", shutdown);
      process.once("SIGINT", shutdown);
    } else {
      const { startHousekeeping } = await import("@/executor/start-housekeeping");
      startHousekeeping(ctx.db);
    }
  } catch (e) {
    logError("[zuoye] startup failed:", e);
    process.exit(1);
  }
}
