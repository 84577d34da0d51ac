import { openConfiguredDatabase } from "@/server/data-dir";
import { startExecutor } from "@/executor/start-executor";
import { readConfig } from "@/server/config";

/** `npm run worker`: a standalone executor on the configured PostgreSQL (any number of them). */
async function main() {
  const config = readConfig();
  if (!config.databaseUrl) {
    console.error("npm run worker needs DATABASE_URL: with the embedded database the executor runs inside the web process.");
    process.exit(2);
  }
  const database = await openConfiguredDatabase(config, config.workerCapacity + 2);
  const executor = await startExecutor(database, config);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal}: stopping ${executor.running.size} running job(s)`);
    await executor.stop();
    await database.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((e) => {
  console.error("[worker] failed to start:", e);
  process.exit(1);
});
