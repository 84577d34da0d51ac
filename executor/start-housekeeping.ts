import type { Db } from "@/db/client";
import { fireDueSchedules } from "@/server/schedules/fire-due-schedules";
import { reapOrphanedJobs } from "./reap-jobs";
import { logError } from "@/lib/log/log-error";

/**
 * What a web process without an executor still does for the cluster: end jobs whose
 * worker died (nothing stays running forever) and fire due schedules (exactly once
 * across processes, see fireDueSchedules).
 */
export function startHousekeeping(db: Db): () => void {
  const reaper = setInterval(() => {
    reapOrphanedJobs(db).catch((e) => logError("[reaper]", (e as Error).message));
  }, 10_000);
  const scheduler = setInterval(() => {
    fireDueSchedules(db).catch((e) => logError("[scheduler]", (e as Error).message));
  }, 5_000);
  reaper.unref();
  scheduler.unref();
  return () => {
    clearInterval(reaper);
    clearInterval(scheduler);
  };
}
