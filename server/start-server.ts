import type { Config } from "@/core/config";
import { installProcessLifecycle, READY_MESSAGE, type StopProcess } from "@/core/process-lifecycle";
import type { Database } from "@/db/client";
import { logError } from "@/lib/log/log-error";
import { getContext, shutDownContext } from "./context";
import { labelResponses, recordPeers } from "./http/peer";

const KEY = Symbol.for("zuoye.background");

/** Starts a web process's background work (executor/start-background.ts, composed in instrumentation.ts). */
export type StartBackground = (database: Database, config: Config) => Promise<StopProcess>;

/**
 * Server start: the database (migrations, admin, demo data), then background work, which
 * the caller passes in: the web side does not import the executor. SIGTERM/SIGINT stop
 * that work (running jobs get SHUTDOWN_GRACE_SECONDS) and close the database before Next exits.
 * Under the launcher only web process 1 runs the background work: the machine's executor
 * and housekeeping run once however many processes serve HTTP.
 */
export async function startServer(startBackground: StartBackground): Promise<void> {
  // before the first request: route handlers learn the socket's address from it
  recordPeers();
  try {
    const ctx = await getContext();
    const { config } = ctx;
    const where = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${config.pgliteDir}`;
    const g = globalThis as { [KEY]?: boolean };
    if (g[KEY]) return;
    g[KEY] = true;
    const runsBackground = config.webProcess === undefined || config.webProcess === 1;
    if (config.webProcess !== undefined) {
      labelResponses(`web-${config.webProcess}`);
      const role = runsBackground ? "serves HTTP and runs the background work" : "serves HTTP (web process 1 runs the background work)";
      console.log(`[zuoye] web process ${config.webProcess} of ${config.webConcurrency}, pid ${process.pid}: ${role}`);
    }
    console.log(`[zuoye] database ready: ${where}`);
    let stopBackground: StopProcess = async () => {};
    installProcessLifecycle({
      name: "zuoye",
      graceSeconds: config.shutdownGraceSeconds,
      stop: async (how) => {
        await stopBackground(how);
        await shutDownContext();
      },
    });
    if (runsBackground) stopBackground = await startBackground(ctx.database, config);
    if (config.webProcess !== undefined) process.send?.(READY_MESSAGE);
  } catch (e) {
    logError("[zuoye] startup failed:", e);
    process.exit(1);
  }
}
