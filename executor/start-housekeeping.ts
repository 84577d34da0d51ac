import type { Database } from "@/db/client";
import { fireDueSchedules } from "@/server/schedules/fire-due-schedules";
import { every } from "./every";
import { reapOrphanedJobs } from "./reap-jobs";

/**
 * What a web process without an executor still does for the cluster: end jobs whose
 * worker died (nothing stays running forever) and fire due schedules (exactly once
 * across processes, see fireDueSchedules). A failing tick (the database away) is logged.
 */
export function startHousekeeping(database: Database): () => void {
  const { db } = database;
  const reap = { afterRestartGrace: database.driver === "postgres" };
  const stops = [
    every(10_000, "reaper", () => reapOrphanedJobs(db, reap), { first: 10_000 }),
    every(5_000, "scheduler", () => fireDueSchedules(db), { first: 5_000 }),
  ];
  return () => {
    for (const s of stops) s();
  };
}
