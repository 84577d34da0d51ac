import type { Config } from "@/core/config";
import { installProcessLifecycle, type StopProcess } from "@/core/process-lifecycle";
import type { Database } from "@/db/client";
import { logError } from "@/lib/log/log-error";
import { getContext, shutDownContext } from "./context";
import { recordPeers } from "./http/peer";

const KEY = Symbol.for("zuoye.background");

/** Starts a web process's background work (executor/start-background.ts, composed in instrumentation.ts). */
export type StartBackground = (database: Database, config: Config) => Promise<StopProcess>;

/**
 * Server start: the database (migrations, admin, demo data), then background work, which
 * the caller passes in: the web side does not import the executor. SIGTERM/SIGINT stop
 * that work (running jobs get SHUTDOWN_GRACE_SECONDS) and close the database before Next exits.
 */
export async function startServer(startBackground: StartBackground): Promise<void> {
  // before the first request: route handlers learn the socket's address from it
  recordPeers();
  try {
    const ctx = await getContext();
    const where = ctx.config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${ctx.config.pgliteDir}`;
    console.log(`[zuoye] database ready: ${where}`);
    const g = globalThis as { [KEY]?: boolean };
    if (g[KEY]) return;
    g[KEY] = true;
    let stopBackground: StopProcess = async () => {};
    installProcessLifecycle({
      name: "zuoye",
      graceSeconds: ctx.config.shutdownGraceSeconds,
      stop: async (how) => {
        await stopBackground(how);
        await shutDownContext();
      },
    });
    stopBackground = await startBackground(ctx.database, ctx.config);
  } catch (e) {
    logError("[zuoye] startup failed:", e);
    process.exit(1);
  }
}
