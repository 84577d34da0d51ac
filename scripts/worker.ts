import { openConfiguredDatabase } from "@/core/data-dir";
import { startExecutor } from "@/executor/start-executor";
import { LeaseRefused } from "@/executor/worker-lease";
import { readConfig } from "@/core/config";
import { installProcessLifecycle } from "@/core/process-lifecycle";

/** exit code of a worker that lost its id to another process (or was refused it) */
const EXIT_LEASE = 3;

/**
 * `npm run worker`: a standalone executor on the configured PostgreSQL (any number of
 * them). SIGTERM/SIGINT: no more jobs are taken, running ones get SHUTDOWN_GRACE_SECONDS,
 * then exit 0. A worker whose id another process took exits 3.
 */
async function main() {
  const config = readConfig();
  if (!config.databaseUrl) {
    console.error("npm run worker needs DATABASE_URL: with the embedded database the executor runs inside the web process.");
    process.exit(2);
  }
  const database = await openConfiguredDatabase(config, config.workerCapacity + 2);
  let stopExecutor: (how: { graceMs?: number; hurry: AbortSignal; why?: string }) => Promise<void> = async () => {};
  installProcessLifecycle({
    name: "worker",
    graceSeconds: config.shutdownGraceSeconds,
    stop: async (how) => {
      await stopExecutor(how);
      await database.close();
    },
  });
  const executor = await startExecutor(database, config, {
    onLeaseLost: () => {
      console.error(`[worker] exiting ${EXIT_LEASE}: worker id ${executor.workerId} belongs to another process now`);
      void database.close().finally(() => process.exit(EXIT_LEASE));
    },
  });
  stopExecutor = (how) => executor.stop(how);
}

main().catch((e) => {
  if (e instanceof LeaseRefused) {
    console.error(`[worker] not started: ${e.message}`);
    process.exit(EXIT_LEASE);
  }
  console.error("[worker] failed to start:", e);
  process.exit(1);
});
