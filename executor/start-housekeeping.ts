import type { Db } from "@/db/client";
import { fireDueSchedules } from "@/server/schedules/fire-due-schedules";
import { reapOrphanedJobs } from "./reap-jobs";

/**
 * What a web process without an executor still does for the cluster: end jobs whose
 * worker died (nothing stays running forever) and fire due schedules (exactly once
 * across processes, see fireDueSchedules).
 */
export function startHousekeeping(db: Db): () => void {
  const reaper = setInterval(() => {
    reapOrphanedJobs(db).catch((e) => console.error("[reaper]", (e as Error).message));
  }, 10_000);
  const scheduler = setInterval(() => {
    fireDueSchedules(db).catch((e) => console.error("[scheduler]", (e as Error).message));
  }, 5_000);
  reaper.unref();
  scheduler.unref();
  return () => {
    clearInterval(reaper);
    clearInterval(scheduler);
  };
}
