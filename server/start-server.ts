import { logError } from "@/lib/log/log-error";
import { getContext, shutDownContext } from "./context";
import { recordPeers } from "./http/peer";
import { installProcessLifecycle, type StopProcess } from "@/core/process-lifecycle";

const KEY = Symbol.for("zuoye.background");

/**
 * Server start: the database (migrations, admin, demo data), then background work. With
 * the embedded database the executor runs in this process; with PostgreSQL it runs in
 * `npm run worker` processes and this one only ends jobs whose worker died and fires due
 * schedules. SIGTERM/SIGINT stop that work (running jobs get SHUTDOWN_GRACE_SECONDS) and
 * close the database before Next exits.
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
    let stopBackground: StopProcess = async () => {};
    installProcessLifecycle({
      name: "zuoye",
      graceSeconds: ctx.config.shutdownGraceSeconds,
      stop: async (how) => {
        await stopBackground(how);
        await shutDownContext();
      },
    });
    const { startHousekeeping } = await import("@/executor/start-housekeeping");
    if (ctx.config.inlineExecutor) {
      const { startExecutor } = await import("@/executor/start-executor");
      const executor = await startExecutor(ctx.database, ctx.config, {
        // the web stays up: the cluster's reaper and scheduler go on here without the executor
        onLeaseLost: () => {
          const stopHousekeeping = startHousekeeping(ctx.database);
          stopBackground = async () => stopHousekeeping();
        },
      });
      stopBackground = (how) => executor.stop(how);
    } else {
      const stopHousekeeping = startHousekeeping(ctx.database);
      stopBackground = async () => stopHousekeeping();
    }
  } catch (e) {
    logError("[zuoye] startup failed:", e);
    process.exit(1);
  }
}
