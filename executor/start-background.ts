import type { Config } from "@/core/config";
import type { StopProcess } from "@/core/process-lifecycle";
import type { Database } from "@/db/client";
import { startExecutor } from "./start-executor";
import { startHousekeeping } from "./start-housekeeping";

/**
 * A web process's background work. With the embedded database the executor runs in it;
 * with PostgreSQL the executor runs in `npm run worker` processes and this one only ends
 * jobs whose worker died and fires due schedules. Returns how to stop whatever runs then.
 */
export async function startBackgroundWork(database: Database, config: Config): Promise<StopProcess> {
  let stop: StopProcess;
  if (config.inlineExecutor) {
    const executor = await startExecutor(database, config, {
      // the web stays up: the cluster's reaper and scheduler go on here without the executor
      onLeaseLost: () => {
        const stopHousekeeping = startHousekeeping(database);
        stop = async () => stopHousekeeping();
      },
    });
    stop = (how) => executor.stop(how);
  } else {
    const stopHousekeeping = startHousekeeping(database);
    stop = async () => stopHousekeeping();
  }
  return (how) => stop(how);
}
