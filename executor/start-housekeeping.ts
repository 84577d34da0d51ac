import type { Db } from "@/db/client";
import { reapOrphanedJobs } from "./reap-jobs";

/** The web process's share of "nothing stays running forever" when no executor runs in it. */
export function startReaper(db: Db): () => void {
  const timer = setInterval(() => {
    reapOrphanedJobs(db).catch((e) => console.error("[reaper]", (e as Error).message));
  }, 10_000);
  timer.unref();
  return () => clearInterval(timer);
}
