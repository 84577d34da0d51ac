import { lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { workers } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { fireDueSchedules } from "@/core/schedules/fire-due-schedules";
import { runDueRetention } from "@/core/retention/run-due-retention";
import { every } from "./every";
import { reapOrphanedJobs } from "./reap-jobs";

/** A worker row not renewed for this long is forgotten (its process is long gone). */
const FORGET_WORKER_S = 86_400;

/** How often a process looks whether the daily retention cleanup is due. */
export const RETENTION_TICK_MS = 30_000;

/**
 * The cluster's chores, done by every process (each is safe to run in several at once):
 * end jobs whose worker died or stalled, forget long-dead workers, fire due schedules
 * (exactly once across processes, see fireDueSchedules), run the daily retention cleanup
 * (once across processes, see runDueRetention). An executor runs them beside its
 * own chores; a web process without one runs them alone (startHousekeeping).
 */
export function clusterChores(database: Database) {
  const { db } = database;
  return {
    async reap() {
      await reapOrphanedJobs(db, { afterRestartGrace: database.driver === "postgres" });
      await db.delete(workers).where(lt(workers.heartbeatAt, nowSeconds() - FORGET_WORKER_S));
    },
    fireSchedules: () => fireDueSchedules(db),
    retention: () => runDueRetention(db),
  };
}

/** The cluster's chores in a web process that runs no executor. A failing tick (the database away) is logged. */
export function startHousekeeping(database: Database): () => void {
  const chores = clusterChores(database);
  const stops = [
    every(10_000, "reaper", chores.reap, { first: 10_000 }),
    every(5_000, "scheduler", chores.fireSchedules, { first: 5_000 }),
    every(RETENTION_TICK_MS, "retention", chores.retention, { first: RETENTION_TICK_MS }),
  ];
  return () => {
    for (const s of stops) s();
  };
}
